package io.subregistry.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;

/** Who a publish would notify: the confirmed subscribers following a section it changes. */
@ApplicationScoped
public class NoticeAudience {

    private final NoticeRepository notices;

    public NoticeAudience(NoticeRepository notices) {
        this.notices = notices;
    }

    /** How many announcements a version changing these sections would queue. */
    @Transactional
    public long subscribersFollowing(Collection<String> sectionKeys) {
        return sectionKeys.isEmpty() ? 0 : notices.subscribersFollowing(List.copyOf(sectionKeys));
    }
}
