package io.subregistry.notice.delivery;

import io.quarkus.arc.ClientProxy;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.mailer.runtime.MutinyMailerImpl;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Copies of the default quarkus-mailer mailer, each over a Vert.x mail client (and connection
 * pool) of its own, so that sends can start on several event loops (see {@link SmtpSender}).
 * Quarkus builds named mailers only for names known at build time, so the copies are made here
 * from the default one: its SMTP settings (host, TLS, credentials, keep-alive...) and its own
 * settings (from, bounce address, approved recipients, the sent-mail event) are taken over
 * unchanged, only the pool size differs. The operator configures one mailer, as before.
 *
 * <p>Quarkus gives no public way to build a {@code ReactiveMailer} around a client, so this reads
 * the default mailer's fields and calls its constructor reflectively (quarkus-mailer 3.33,
 * Vert.x mail 4.5). If that ever fails, {@link #of} says so and the sender keeps the one mailer.
 */
final class MailerCopies {

    /** A mailer and the client it owns (closed by the caller). */
    record Copy(ReactiveMailer mailer, MailClient client) {
    }

    private MailerCopies() {
    }

    /** Whether the default mailer only pretends to send (dev mode): then copies are no use. */
    static boolean isMock(ReactiveMailer original) throws ReflectiveOperationException {
        return (boolean) field(MutinyMailerImpl.class, "mock").get(unwrap(original));
    }

    /** A copy of {@code original} over a new client with the same SMTP settings and a pool of {@code poolSize}. */
    static Copy of(ReactiveMailer original, io.vertx.core.Vertx vertx, int poolSize) throws ReflectiveOperationException {
        MutinyMailerImpl source = unwrap(original);
        io.vertx.mutiny.ext.mail.MailClient mutinyClient = (io.vertx.mutiny.ext.mail.MailClient) get(source, "client");
        MailClient client = mutinyClient.getDelegate();
        MailConfig settings = new MailConfig((MailConfig) field(client.getClass(), "config").get(client)).setMaxPoolSize(poolSize);
        MailClient own = MailClient.create(vertx, settings);
        try {
            Constructor<MutinyMailerImpl> constructor = MutinyMailerImpl.class.getDeclaredConstructor(
                    io.vertx.mutiny.core.Vertx.class, io.vertx.mutiny.ext.mail.MailClient.class,
                    field(MutinyMailerImpl.class, "mockMailbox").getType(), String.class, String.class, boolean.class,
                    List.class, boolean.class, boolean.class, jakarta.enterprise.event.Event.class);
            constructor.setAccessible(true);
            MutinyMailerImpl copy = constructor.newInstance(get(source, "vertx"), io.vertx.mutiny.ext.mail.MailClient.newInstance(own),
                    get(source, "mockMailbox"), get(source, "from"), get(source, "bounceAddress"), get(source, "mock"),
                    get(source, "approvedRecipients"), get(source, "logRejectedRecipients"), get(source, "logInvalidRecipients"),
                    get(source, "sentEmailEvent"));
            return new Copy(copy, own);
        } catch (ReflectiveOperationException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    private static MutinyMailerImpl unwrap(ReactiveMailer mailer) {
        Object bean = mailer instanceof ClientProxy ? ClientProxy.unwrap(mailer) : mailer;
        if (!(bean instanceof MutinyMailerImpl impl)) {
            throw new IllegalStateException("the default mailer is a " + bean.getClass().getName() + ", not quarkus-mailer's own");
        }
        return impl;
    }

    private static Object get(MutinyMailerImpl mailer, String name) throws ReflectiveOperationException {
        return field(MutinyMailerImpl.class, name).get(mailer);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            try {
                Field field = at.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
