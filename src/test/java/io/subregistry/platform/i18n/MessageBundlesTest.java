package io.subregistry.platform.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of every bundle exists in every offered language. Qute itself falls back to the
 * English text when a key is missing in {@code msg_de.properties}, so without this check a
 * German reader would silently get English in the middle of a German notice. A method that
 * words an enum (one parameter of an enum type, no text of its own) has one key per constant,
 * {@code change_$ADDED}, in every language's file, English included: Qute cannot take those
 * from the interface.
 */
class MessageBundlesTest {

    @Test
    void everyBundleHasEveryMessageInEveryLanguage() throws Exception {
        List<Class<?>> bundles = bundleInterfaces();
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> texts = keysOf(bundle);
            Set<String> constants = enumConstantKeysOf(bundle);
            for (Language language : Language.values()) {
                Set<String> keys = new TreeSet<>(constants);
                if (language != Language.DEFAULT) {
                    keys.addAll(texts); // the interface's @Message texts are the default language
                }
                String file = "messages/" + name + "_" + language.tag() + ".properties";
                Properties translated = load(file);
                if (keys.isEmpty() && translated == null) {
                    continue;
                }
                assertThat(translated).as(file + " for " + bundle.getName()).isNotNull();
                assertThat(translated.stringPropertyNames()).as("keys of " + file).isEqualTo(keys);
                translated.forEach((key, text) ->
                        assertThat(text.toString()).as(file + ": " + key).isNotBlank());
            }
        }
    }

    /** The key of each message: the annotation's key when given, else the method's name (Qute's default, {@code <<default>>}). */
    private static Set<String> keysOf(Class<?> bundle) {
        return Arrays.stream(bundle.getMethods())
                .filter(method -> method.isAnnotationPresent(Message.class) && !wordsAnEnum(method))
                .map(MessageBundlesTest::keyOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The keys Qute expects for each constant of an enum a method words: the method's name, "_"
     * and the constant, or "_$" when some constant has a "_" or "$" in its name.
     */
    static Set<String> enumConstantKeysOf(Class<?> bundle) {
        Set<String> keys = new TreeSet<>();
        for (Method method : bundle.getMethods()) {
            if (wordsAnEnum(method)) {
                Object[] constants = method.getParameterTypes()[0].getEnumConstants();
                boolean plain = Arrays.stream(constants).map(constant -> ((Enum<?>) constant).name())
                        .noneMatch(constant -> constant.contains("_") || constant.contains("$"));
                for (Object constant : constants) {
                    keys.add(method.getName() + (plain ? "_" : "_$") + ((Enum<?>) constant).name());
                }
            }
        }
        return keys;
    }

    private static boolean wordsAnEnum(Method method) {
        Message message = method.getAnnotation(Message.class);
        return method.getParameterCount() == 1 && method.getParameterTypes()[0].isEnum()
                && (message == null || Message.DEFAULT_VALUE.equals(message.value()));
    }

    private static String keyOf(Method method) {
        String key = method.getAnnotation(Message.class).key();
        return key.isEmpty() || Message.DEFAULT_NAME.equals(key) || Message.ELEMENT_NAME.equals(key) ? method.getName() : key;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    /** The @MessageBundle interfaces among the service's compiled classes. */
    static List<Class<?>> bundleInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Language.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        MessageBundlesTest.class.getClassLoader());
                if (type.isInterface() && type.isAnnotationPresent(MessageBundle.class)) {
                    bundles.add(type);
                }
            }
        }
        return bundles;
    }
}
