package io.legwatch.ui.positions;

import javafx.beans.property.ReadOnlyStringPropertyBase;

import java.util.function.Supplier;

/**
 * A display string formatted on its first read after it was invalidated. At 2,000 legs under load
 * nearly every row changes every frame, but only the few dozen rows in the viewport have a cell
 * listening: rows out of view are only flagged, and formatted when a cell shows them again.
 * Fires invalidation only (as JavaFX's lazy bindings do); table cells re-read on invalidation.
 * FX thread only.
 */
final class LazyText extends ReadOnlyStringPropertyBase {
    private final Object bean;
    private final String name;
    private final Supplier<String> format;
    private String value = "";
    private boolean valid = true;

    LazyText(Object bean, String name, Supplier<String> format) {
        this.bean = bean;
        this.name = name;
        this.format = format;
    }

    /** The inputs changed: the next read formats again; listeners hear of it once until then. */
    void invalidate() {
        if (valid) {
            valid = false;
            fireValueChangedEvent();
        }
    }

    @Override
    public String get() {
        if (!valid) {
            valid = true;
            value = format.get();
        }
        return value;
    }

    @Override
    public Object getBean() {
        return bean;
    }

    @Override
    public String getName() {
        return name;
    }
}
