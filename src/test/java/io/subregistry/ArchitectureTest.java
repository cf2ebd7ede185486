package io.subregistry;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.subregistry.customer.CustomerCsv;
import io.subregistry.customer.NoticeTerms;
import io.subregistry.registry.version.HashChain;
import io.subregistry.registry.version.PublishRules;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on every build: a change that breaks one
 * fails the build with the offending dependency named.
 */
@AnalyzeClasses(packages = "io.subregistry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The feature packages; a class belongs to the first whose package it lives in (or under). */
    private static final List<String> FEATURES = List.of("registry.draft", "registry.version", "notice", "audit",
            "security", "web", "importer", "diff", "platform", "signing", "listformat", "customer", "webhook", "brand", "terms");

    private static final DescribedPredicate<JavaClass> DOMAIN_CORE = or(
            resideInAPackage("io.subregistry.diff.."),
            resideInAPackage("io.subregistry.registry"),
            belongToAnyOf(PublishRules.class, HashChain.class, NoticeTerms.class, CustomerCsv.class))
            .as("the domain core (diff, the registry records, PublishRules, HashChain, NoticeTerms, CustomerCsv)");

    @ArchTest
    static final ArchRule domainCoreKnowsNoFramework = noClasses().that(DOMAIN_CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta.ws.rs..",
                    "org.jboss.resteasy..", "org.hibernate..", "jakarta.persistence..", "jakarta.transaction..",
                    "jakarta.mail..", "io.smallrye.reactive..")
            .as("the domain core imports no Quarkus, JAX-RS, Hibernate or mailer type");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    for (String feature : FEATURES) {
                        String root = "io.subregistry." + feature;
                        if (name.equals(root) || name.startsWith(root + ".")) {
                            return SliceIdentifier.of(feature);
                        }
                    }
                    return SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "feature packages " + FEATURES;
                }
            })
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule resourcesLeavePersistenceToServices = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat(or(assignableTo(PanacheRepositoryBase.class), assignableTo(EntityManager.class)))
            .as("resources (@Path) never touch repositories or the EntityManager");

    @ArchTest
    static final ArchRule transactionsLiveOnServices = methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
            .should().notBeAnnotatedWith(Transactional.class)
            .andShould().beDeclaredInClassesThat().areNotAnnotatedWith(Transactional.class)
            .as("resources (@Path) open no transaction: transactions live on services");

    @ArchTest
    static final ArchRule nothingImportsTheWebLayer = noClasses().that().resideOutsideOfPackage("io.subregistry.web..")
            .should().dependOnClassesThat().resideInAPackage("io.subregistry.web..")
            .as("nothing outside web imports web");

    @ArchTest
    static final ArchRule resourcesLiveInTheirFeature = classes().that().areAnnotatedWith(Path.class)
            .should().resideInAnyPackage("..rest..", "io.subregistry.web..")
            .as("API resources live in their feature's rest package, pages in web");
}
