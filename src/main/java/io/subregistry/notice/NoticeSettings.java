package io.subregistry.notice;

import java.util.ArrayList;
import java.util.List;

/** Combinations of notice settings that are each valid alone but together would stop delivery. */
final class NoticeSettings {

    private NoticeSettings() {
    }

    static List<String> problems(NoticeConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.sendTimeout().compareTo(config.lease()) >= 0) {
            // A send is attempted only if it can end before the lease does: nothing would ever be sent.
            problems.add("registry.notices.send-timeout (" + config.sendTimeout() + ") must be shorter than registry.notices.lease ("
                    + config.lease() + ")");
        }
        if (config.recordRetry().compareTo(config.lease()) >= 0) {
            // Outcomes recorded after the lease ran out could meet another instance's resend.
            problems.add("registry.notices.record-retry (" + config.recordRetry() + ") must be shorter than registry.notices.lease ("
                    + config.lease() + ")");
        }
        if (config.sendConcurrency() < 1 || config.batchSize() < 1) {
            problems.add("registry.notices.send-concurrency and registry.notices.batch-size must be at least 1");
        }
        return problems;
    }
}
