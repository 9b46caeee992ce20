package io.legwatch.ui.positions;

/** What a row of the positions tree stands for. */
public enum RowKind {
    STRATEGY,
    LEG,
    /** A heading that groups rows, e.g. "Unassigned". */
    GROUP,
    /** A venue position no strategy claims. */
    UNASSIGNED
}
