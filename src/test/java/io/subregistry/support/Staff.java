package io.subregistry.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.subregistry.security.AccountService;
import io.subregistry.security.NewAccount;
import io.subregistry.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Test accounts, one per role, created once per test run; and requests signed in as them. */
@ApplicationScoped
public class Staff {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String LEGAL = "lena.legal";
    public static final String AUDITOR = "otto.auditor";
    public static final String ADMIN = "ada.admin";
    public static final String EVERYONE = "eve.all-roles";

    private final AccountService accounts;
    private volatile boolean created;

    public Staff(AccountService accounts) {
        this.accounts = accounts;
    }

    public synchronized void ensureAccounts() {
        if (created) {
            return;
        }
        create(LEGAL, Set.of(Roles.LEGAL));
        create(AUDITOR, Set.of(Roles.AUDITOR));
        create(ADMIN, Set.of(Roles.ADMIN));
        create(EVERYONE, Roles.ALL);
        created = true;
    }

    private void create(String username, Set<String> roles) {
        if (accounts.list().stream().noneMatch(account -> account.username().equals(username))) {
            accounts.create(new NewAccount(username, PASSWORD, roles), "test-setup");
        }
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD);
    }

    public static RequestSpecification asLegal() {
        return as(LEGAL);
    }

    public static RequestSpecification asAuditor() {
        return as(AUDITOR);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN);
    }
}
