package cn.ipf.batch;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a job's work page by page in key order, each page being the keys after the last one read, asked of the job's
 * port (the app owns the SQL; {@code batch} holds none against application tables). The last key read is saved in the
 * step context at every commit, so a failed run restarts after its last committed chunk, and keyset pages never get
 * slower the way OFFSET pages do.
 *
 * @param <K> the key, e.g. an id, or a record when the order has several columns
 */
public class KeysetReader<K> implements ItemStreamReader<K> {

    /** The next keys after {@code after} (null: from the start), in key order, at most {@code limit}. */
    @FunctionalInterface
    public interface Pages<K> {
        List<K> after(K after, int limit);
    }

    private final String position;
    private final Pages<K> pages;
    private final int pageSize;
    private final Function<K, String> save;
    private final Function<String, K> restore;
    private Iterator<K> page = Collections.emptyIterator();
    private boolean lastPage;
    private K last;

    public KeysetReader(String name, Pages<K> pages, int pageSize, Function<K, String> save,
            Function<String, K> restore) {
        this.position = name + ".after";
        this.pages = pages;
        this.pageSize = pageSize;
        this.save = save;
        this.restore = restore;
    }

    /** A reader of ids. */
    public static KeysetReader<Long> ids(String name, Pages<Long> pages, int pageSize) {
        return new KeysetReader<>(name, pages, pageSize, String::valueOf, Long::valueOf);
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(position)) {
            last = restore.apply(context.getString(position));
        }
    }

    @Override
    public K read() {
        if (!page.hasNext() && !lastPage) {
            List<K> next = pages.after(last, pageSize);
            lastPage = next.size() < pageSize;
            page = next.iterator();
        }
        if (!page.hasNext()) {
            return null;
        }
        last = page.next();
        return last;
    }

    @Override
    public void update(ExecutionContext context) {
        if (last != null) {
            context.putString(position, save.apply(last));
        }
    }
}
