package io.subregistry.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.util.UUID;

/** A name for this running instance, unique among instances sharing a database: the owner of its leases. */
@ApplicationScoped
public class InstanceIdentity {

    private final String name = host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
