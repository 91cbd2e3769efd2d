package cn.ipf.app.console;

import cn.ipf.app.access.Caller;
import java.util.List;

/**
 * A feature's entries in the console's navigation: implement it as a bean next to the feature's pages. Entries are
 * shown in {@link Item#order()} order; {@code label} is a message key.
 */
public interface ConsoleMenu {

    List<Item> items(Caller caller);

    /** {@code badge}: a count shown beside the entry (e.g. unread messages), null or 0 for none. */
    record Item(int order, String label, String href, Long badge) {

        public Item(int order, String label, String href) {
            this(order, label, href, null);
        }
    }
}
