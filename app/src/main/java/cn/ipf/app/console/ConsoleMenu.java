package cn.ipf.app.console;

import cn.ipf.app.access.Caller;
import java.util.List;

/**
 * A feature's entries in the console's navigation: implement it as a bean next to the feature's pages. Entries are
 * shown in {@link Item#order()} order; {@code label} is a message key.
 */
public interface ConsoleMenu {

    List<Item> items(Caller caller);

    record Item(int order, String label, String href) {
    }
}
