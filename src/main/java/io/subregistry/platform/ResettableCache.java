package io.subregistry.platform;

/**
 * A cache of published (immutable) data. Published data never changes, so only a test that
 * wipes the database has reason to empty one; it finds them all through this type.
 */
public interface ResettableCache {

    void clear();
}
