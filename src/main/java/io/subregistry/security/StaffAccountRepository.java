package io.subregistry.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StaffAccountRepository implements PanacheRepositoryBase<StaffAccount, UUID> {

    public Optional<StaffAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<StaffAccount> byUsername() {
        return listAll(Sort.by("username"));
    }
}
