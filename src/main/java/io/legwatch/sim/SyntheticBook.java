package io.legwatch.sim;

import io.legwatch.domain.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite-depth book that follows the mark: {@code levels} levels per side at fixed distances
 * from the mark, each holding at most {@code levelSize}. Taking liquidity depletes a level; depth
 * comes back linearly over time. Large orders therefore walk the book, slip and may run out.
 */
final class SyntheticBook {
    /** A piece of an execution against one level. */
    record Take(double price, double qty) {
    }

    private final double levelSize;
    private final double lot;
    private final double halfSpread;
    private final double step;
    private final double refillPerSecond;
    private final double[] bidAvail;
    private final double[] askAvail;

    /**
     * @param levelSize        full size of each level, venue units (a multiple of lot)
     * @param halfSpreadBps    distance of the best level from the mark
     * @param stepBps          distance between levels
     * @param refillPerSecond  fraction of a level's full size restored per second
     */
    SyntheticBook(int levels, double levelSize, double lot, double halfSpreadBps, double stepBps,
                  double refillPerSecond) {
        this.levelSize = levelSize;
        this.lot = lot;
        this.halfSpread = halfSpreadBps / 1e4;
        this.step = stepBps / 1e4;
        this.refillPerSecond = refillPerSecond;
        this.bidAvail = new double[levels];
        this.askAvail = new double[levels];
        java.util.Arrays.fill(bidAvail, levelSize);
        java.util.Arrays.fill(askAvail, levelSize);
    }

    /** Price of level {@code i} on the bid (BUY) or ask (SELL) side. */
    double price(Side bookSide, int i, double mark) {
        double offset = halfSpread + i * step;
        return bookSide == Side.BUY ? mark * (1 - offset) : mark * (1 + offset);
    }

    /**
     * Takes up to {@code qty} for a taker on {@code takerSide}, only at {@code limit} or better
     * (NaN: any price). Returns the pieces filled, best price first; depletes the book.
     */
    List<Take> take(Side takerSide, double qty, double limit, double mark, double depthFraction) {
        Side bookSide = takerSide.opposite();
        double[] avail = bookSide == Side.BUY ? bidAvail : askAvail;
        List<Take> takes = new ArrayList<>();
        double left = qty;
        for (int i = 0; i < avail.length && left >= lot / 2; i++) {
            double px = price(bookSide, i, mark);
            if (!Double.isNaN(limit) && (takerSide == Side.BUY ? px > limit : px < limit)) {
                break;
            }
            double there = shown(avail[i], depthFraction);
            double q = Math.min(there, left);
            if (q >= lot / 2) {
                takes.add(new Take(px, q));
                avail[i] -= q;
                left = Lots.round(left - q, lot);
            }
        }
        return takes;
    }

    /** Restores depth after {@code seconds} of time. */
    void replenish(double seconds) {
        double add = levelSize * refillPerSecond * seconds;
        for (int i = 0; i < bidAvail.length; i++) {
            bidAvail[i] = Math.min(levelSize, bidAvail[i] + add);
            askAvail[i] = Math.min(levelSize, askAvail[i] + add);
        }
    }

    List<BookLevel> levels(Side bookSide, double mark, double depthFraction) {
        double[] avail = bookSide == Side.BUY ? bidAvail : askAvail;
        List<BookLevel> out = new ArrayList<>(avail.length);
        for (int i = 0; i < avail.length; i++) {
            out.add(new BookLevel(price(bookSide, i, mark), shown(avail[i], depthFraction)));
        }
        return out;
    }

    /** What a level offers: its available size, capped at {@code depthFraction} of a full level (thin-book fault). */
    private double shown(double avail, double depthFraction) {
        return Lots.floor(Math.min(avail, levelSize * depthFraction), lot);
    }
}
