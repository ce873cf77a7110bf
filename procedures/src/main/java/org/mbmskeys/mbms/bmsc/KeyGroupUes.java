package org.mbmskeys.mbms.bmsc;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;

/**
 * The IMPIs of the UEs registered to a service that uses a Key Group, in IMPI order, read from the
 * registrations a page at a time as the caller goes on: a re-key held back by its {@link RekeyWindow} reads
 * each page when it gets to it, so it never holds the list of a million UEs. Not thread-safe.
 */
final class KeyGroupUes implements Iterator<String> {

    static final int PAGE = 1_000;

    private final Registrations registrations;
    private final KeyGroupRef group;
    private List<String> page = List.of();
    private int next;
    private boolean last;

    KeyGroupUes(Registrations registrations, KeyGroupRef group) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.group = Objects.requireNonNull(group, "group");
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (last) {
            return false;
        }
        Optional<String> after = page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1));
        page = registrations.uesOfKeyGroup(group, after, PAGE);
        next = 0;
        last = page.size() < PAGE;
        return !page.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more UEs of Key Group " + group);
        }
        return page.get(next++);
    }
}
