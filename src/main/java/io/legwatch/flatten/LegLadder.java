package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.OrderGateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The escalation ladder for one instrument: cancel -> fresh read -> reduce-only IOC limit with
 * growing pay-up -> reduce-only market -> give up. Asynchronous: every step runs on the flatten
 * executor and its state is touched by one step at a time (steps are chained), so no locks.
 *
 * <p>Rules that keep it honest:
 * <ul>
 *   <li>Sizes come only from a fresh venue read, never from the stream: reduce-only cannot flip.</li>
 *   <li>An order that times out or is lost in a disconnect is <em>in doubt</em>: counted as
 *       possibly filled. The venue is read again before anything else is sent; if the position is
 *       still open the same request is re-sent with the <em>same</em> client order id (the venue
 *       deduplicates it), never a new order. The ladder only escalates past a definite answer.</li>
 *   <li>A venue that does not answer reads or cancels is waited for (backing off), not given up on.</li>
 *   <li>Done means a fresh read showed the position flat and no open orders.</li>
 * </ul>
 */
final class LegLadder {
    private static final int MAX_CANCEL_ROUNDS = 4;
    private static final int MAX_HARD_ERRORS = 6;

    private final FlattenJob job;
    private final PlanLeg leg;
    private final InstrumentKey key;
    private final VenueAccess venue;
    private final CompletableFuture<LegOutcome> done = new CompletableFuture<>();
    private final Map<String, SentOrder> sent = new LinkedHashMap<>();

    private OrderGateway gateway;
    private Instrument instrument;
    private int lastAttempt;
    private OrderRequest inDoubt;
    private int inDoubtSends;
    private int cancelled;
    private int cancelRounds;
    private int ordersSent;
    private int rejections;
    private int noProgressMarket;
    private int stalls;
    private boolean backedOff;
    private int retries;
    private int hardErrors;
    private boolean lastWasMarket;
    private double qtyBeforeAttempt = Double.NaN;
    private double initialQty = Double.NaN;
    private double lastQty = Double.NaN;
    private Boolean openZero;
    private Boolean positionZero;
    private long waitingSinceMs;
    private boolean venueAlarmed;
    /** This leg holds its venue's reads: its cancel or order is out or its answer not yet handled (VenueAccess#hold). */
    private boolean holdsCall;
    /** Counts gateway calls, so a step can tell whether it sent a new one under the same hold. */
    private int gatewayCalls;
    private final AtomicReference<LegProgress> progress = new AtomicReference<>();

    /**
     * @param resumeAttempt the highest attempt a previous run of this flatten journaled for this leg
     * @param resumeInDoubt that run's order with no recorded outcome, or null
     * @param resumeSends   how many times that order was sent
     */
    LegLadder(FlattenJob job, PlanLeg leg, VenueAccess venue, int resumeAttempt, OrderRequest resumeInDoubt,
              int resumeSends) {
        this.job = job;
        this.leg = leg;
        this.key = leg.instrument();
        this.venue = venue;
        this.lastAttempt = resumeAttempt;
        this.inDoubt = resumeInDoubt;
        this.inDoubtSends = resumeSends;
        if (resumeInDoubt != null) {
            sent.put(resumeInDoubt.clientOrderId(),
                    new SentOrder(resumeInDoubt, OrderState.UNKNOWN, 0, resumeSends, "sent before restart"));
        }
        this.progress.set(new LegProgress(leg.index(), key, LegPhase.QUEUED, resumeAttempt, Double.NaN, 0, "queued"));
    }

    PlanLeg leg() {
        return leg;
    }

    LegProgress progress() {
        return progress.get();
    }

    CompletableFuture<LegOutcome> done() {
        return done;
    }

    /** Runs the ladder; returns at once. */
    void start() {
        guard(this::begin);
    }

    private void begin() {
        if (job.plan().mode() == KillMode.HALT) {
            finish(LegPhase.HALTED, "new risk-increasing orders blocked");
            return;
        }
        if (venue == null) {
            finish(LegPhase.FAILED, "no connector configured for venue " + key.venue());
            return;
        }
        var gw = venue.gateway();
        if (gw.isEmpty()) {
            finish(LegPhase.FAILED, venue.noGateway().getMessage());
            return;
        }
        gateway = job.halt().gate(gw.get());
        Map<String, Instrument> known = venue.cachedInstruments();
        if (known != null) {
            instrument = known.get(key.symbol());
            cancel();
            return;
        }
        phase(LegPhase.CANCELLING, "loading instrument");
        withVenue("load instruments", venue::instruments, map -> {
            instrument = map.get(key.symbol());
            cancel();
        });
    }

    // ---- steps ----

    private void cancel() {
        phase(LegPhase.CANCELLING, "cancelling open orders incl. stop/conditional");
        withVenue("cancel open orders", () -> gatewayCall(() -> gateway.cancelAll(key)), n -> {
            cancelRounds++;
            cancelled += n == null ? 0 : n;
            job.journal().cancelled(job.flattenId(), key, n == null ? 0 : n);
            read();
        });
    }

    private void read() {
        phase(LegPhase.READING, "re-reading position and open orders from the venue");
        withVenue("re-read position and orders", () -> {
            boolean settles = holdsCall;
            holdsCall = false;
            return venue.deadline(venue.freshRead(settles));
        }, this::onRead);
    }

    private void onRead(VenueRead r) {
        double qty = r.qty(key);
        if (!Double.isFinite(qty)) {
            // No answer, not a size: Side.toReduce(NaN) is BUY, and sizes come only from reads.
            String msg = "venue read gave position " + qty + " for " + key;
            if (++hardErrors > MAX_HARD_ERRORS) {
                fail(msg + " (" + hardErrors + " errors)");
                return;
            }
            phase(LegPhase.BACKING_OFF, msg + "; reading again");
            later(job.settings().backoffMs(hardErrors), this::read);
            return;
        }
        List<Order> open = r.openOrders(key);
        if (Double.isNaN(initialQty)) {
            initialQty = qty;
        }
        boolean stalled = false;
        if (!Double.isNaN(qtyBeforeAttempt)) {
            boolean progressed = Math.abs(qty) < Math.abs(qtyBeforeAttempt) - lot() / 2;
            noProgressMarket = progressed ? 0 : noProgressMarket + (lastWasMarket ? 1 : 0);
            stalls = progressed ? 0 : stalls + 1;
            // An answered order that filled nothing: give the book time to refill before the next rung.
            stalled = !progressed && !backedOff;
            qtyBeforeAttempt = Double.NaN;
        }
        backedOff = false;
        lastQty = qty;
        openZero = open.isEmpty();
        positionZero = isFlat(qty);
        if (!open.isEmpty()) {
            if (cancelRounds >= MAX_CANCEL_ROUNDS) {
                fail(open.size() + " open order(s) remain after " + cancelRounds + " cancel rounds: "
                        + describe(open));
                return;
            }
            cancel(); // also takes out an in-doubt order that is resting
            return;
        }
        if (inDoubt != null) {
            if (positionZero || job.plan().mode() != KillMode.FLATTEN) {
                settleInDoubt(positionZero ? "venue position is flat: presumed filled" : "not needed");
            } else {
                resend();
                return;
            }
        }
        if (job.plan().mode() == KillMode.CANCEL) {
            finish(LegPhase.CANCELLED, "venue shows no open orders (" + cancelled + " cancelled)");
            return;
        }
        if (positionZero) {
            finish(LegPhase.FLAT, "venue reports position " + fmt(qty) + " and no open orders");
            return;
        }
        if (stalled) {
            backedOff = true;
            phase(LegPhase.BACKING_OFF, "last attempt filled nothing; venue reports " + fmt(qty));
            later(job.settings().backoffMs(stalls), this::read);
            return;
        }
        sendNext(qty, r.mark(key));
    }

    private void sendNext(double qty, double venueMark) {
        FlattenSettings s = job.settings();
        if (ordersSent >= s.maxOrdersPerLeg()) {
            fail(ordersSent + " orders sent, venue still reports " + fmt(qty));
            return;
        }
        if (noProgressMarket >= s.marketNoProgress()) {
            fail(noProgressMarket + " market order(s) without a fill; venue still reports " + fmt(qty));
            return;
        }
        int attempt = ++lastAttempt;
        double mark = venueMark > 0 ? venueMark : leg.markPrice();
        Side side = Side.toReduce(qty);
        double payUpPrice = mark * (1 + side.sign() * s.payUpBps(attempt) / 10_000.0);
        // A SELL paying up 100 % or more of the mark has no positive limit price: that rung is a market order.
        boolean limit = attempt <= s.limitAttempts() && mark > 0 && payUpPrice > 0 && Double.isFinite(payUpPrice)
                && (instrument == null || instrument.kind() != InstrumentKind.OPTION);
        double price = limit ? payUpPrice : Double.NaN;
        OrderRequest req = new OrderRequest(key, side, size(qty), limit ? OrderType.LIMIT_IOC : OrderType.MARKET,
                price, true, ClientOrderIds.of(job.flattenId(), leg.index(), attempt));
        lastWasMarket = !limit;
        qtyBeforeAttempt = qty;
        ordersSent++;
        send(req, 1);
    }

    private void resend() {
        if (inDoubtSends > job.settings().maxResends()) {
            fail("venue never confirmed order " + inDoubt.clientOrderId() + " (sent " + inDoubtSends
                    + " times with the same id); position still " + fmt(lastQty));
            return;
        }
        OrderRequest req = inDoubt;
        int sendNo = inDoubtSends + 1;
        qtyBeforeAttempt = lastQty;
        later(job.settings().backoffMs(inDoubtSends), () -> send(req, sendNo));
    }

    private void send(OrderRequest req, int sendNo) {
        if (job.abandoned()) {
            finish(LegPhase.ABANDONED, "abandoned by the trader");
            return;
        }
        int attempt = ClientOrderIds.parse(req.clientOrderId()).map(ClientOrderIds.Parsed::attempt).orElse(0);
        // Plain concatenation: String.format cost more than the rest of this step, once per leg of a kill.
        String what = "attempt " + attempt + (sendNo > 1 ? " (re-send " + sendNo + ", same id)" : "") + ": "
                + req.type() + " " + req.side() + " " + fmt(req.qty())
                + (req.type() == OrderType.MARKET ? "" : " @ " + fmt(req.limitPrice())) + " reduce-only";
        LegProgress sending = phase(LegPhase.SENDING, what);
        // Write-ahead: the journal has the order before the venue can have it (crash recovery relies on it).
        job.journal().sent(job.flattenId(), leg.index(), attempt, req, sendNo);
        CompletableFuture<Order> f = gatewayCall(() -> gateway.place(req));
        // Handed over; unless the answer is already being processed, show it as out at the venue.
        progress.compareAndSet(sending, new LegProgress(leg.index(), key, LegPhase.ORDERING, lastAttempt, lastQty,
                ordersSent, what + ", awaiting the venue"));
        f.whenCompleteAsync((order, error) -> guard(() -> answered(() -> onPlaced(req, sendNo, attempt, order, error))),
                job.executor());
    }

    private void onPlaced(OrderRequest req, int sendNo, int attempt, Order order, Throwable error) {
        if (error == null) {
            record(req, order.state(), order.filledQty(), sendNo, order.reason());
            job.journal().outcome(job.flattenId(), req.clientOrderId(), order.state(), order.filledQty(),
                    order.reason());
            inDoubt = null;
            rejections = 0;
            read();
            return;
        }
        Throwable cause = unwrap(error);
        if (unanswered(cause)) {
            inDoubt = req;
            inDoubtSends = sendNo;
            record(req, OrderState.UNKNOWN, 0, sendNo, message(cause));
            job.journal().inDoubt(job.flattenId(), req.clientOrderId(), message(cause));
            read(); // waits for the venue if it is down; nothing new is sent before it answers
            return;
        }
        String msg = message(cause);
        record(req, OrderState.REJECTED, 0, sendNo, msg);
        job.journal().outcome(job.flattenId(), req.clientOrderId(), OrderState.REJECTED, 0, msg);
        inDoubt = null;
        if (permanent(cause)) {
            fail("venue refused: " + msg);
            return;
        }
        rejections++;
        backedOff = true;
        boolean rateLimited = kind(cause) == VenueError.Kind.RATE_LIMITED;
        phase(LegPhase.BACKING_OFF, "attempt " + attempt + " rejected: " + msg);
        later(job.settings().backoffMs(rateLimited ? rejections + 2 : rejections), this::read);
    }

    // ---- venue calls with waiting ----

    /** Runs a venue call (its future carries the deadline); while the venue does not answer, waits (backing off) and retries. */
    private <T> void withVenue(String what, Supplier<CompletableFuture<T>> call, Consumer<T> next) {
        if (job.abandoned()) {
            finish(LegPhase.ABANDONED, "abandoned by the trader");
            return;
        }
        long reconnectsBefore = venue.reconnects();
        CompletableFuture<T> f;
        try {
            f = call.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenCompleteAsync((value, error) -> guard(() -> answered(() -> {
            if (error == null) {
                retries = 0;
                waitingSinceMs = 0;
                next.accept(value);
                return;
            }
            Throwable cause = unwrap(error);
            String msg = what + " failed: " + message(cause);
            if (permanent(cause)) {
                fail(msg);
                return;
            }
            if (!transientError(cause) && ++hardErrors > MAX_HARD_ERRORS) {
                fail(msg + " (" + hardErrors + " errors)");
                return;
            }
            retries++;
            long now = job.time().millis();
            if (waitingSinceMs == 0) {
                waitingSinceMs = now;
            }
            if (!venueAlarmed && now - waitingSinceMs >= job.settings().venueDownAlarm().toMillis()) {
                venueAlarmed = true;
                job.alarm(FlattenAlarm.Kind.VENUE_UNREACHABLE, key + ": " + msg + " for "
                        + (now - waitingSinceMs) / 1000 + " s; the work stays queued and resumes when it answers");
            }
            phase(unanswered(cause) ? LegPhase.WAITING_FOR_VENUE : LegPhase.BACKING_OFF, msg + "; retrying");
            // Retry after the backoff, or at once when the venue is seen coming back, whichever is first.
            AtomicBoolean once = new AtomicBoolean();
            Runnable retry = () -> {
                if (once.compareAndSet(false, true)) {
                    withVenue(what, call, next);
                }
            };
            later(job.settings().backoffMs(retries), retry);
            venue.reconnectedSince(reconnectsBefore).thenRunAsync(() -> guard(retry), job.executor());
        })), job.executor());
    }

    /**
     * Called by the job before it starts this leg: the venue's reads wait for this leg's first
     * cancel (all of a venue's legs then share one read after their cancels).
     */
    void holdVenue() {
        if (venue != null && !holdsCall) {
            holdsCall = true;
            venue.hold();
        }
    }

    /** A cancel or order through the venue, which keeps its reads for this leg until it is handled. */
    private <T> CompletableFuture<T> gatewayCall(Supplier<CompletableFuture<T>> send) {
        holdVenue();
        gatewayCalls++;
        return venue.call(send);
    }

    /**
     * Handles a venue answer. If the step neither asked for a read nor sent a new cancel or order,
     * the leg lets go of the venue's reads (it backs off, fails or is done).
     */
    private void answered(Runnable handler) {
        int callsBefore = gatewayCalls;
        try {
            handler.run();
        } finally {
            if (gatewayCalls == callsBefore) {
                releaseVenue();
            }
        }
    }

    private void releaseVenue() {
        if (holdsCall) {
            holdsCall = false;
            venue.settle();
        }
    }

    /** A bug in a step must end the leg visibly (FAILED, alarm), never leave it hanging. */
    private void guard(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            fail("internal error: " + e);
        }
    }

    private void later(long delayMs, Runnable r) {
        CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS, job.executor()).execute(() -> guard(r));
    }

    // ---- bookkeeping ----

    private void settleInDoubt(String why) {
        SentOrder s = sent.get(inDoubt.clientOrderId());
        if (s != null) {
            sent.put(inDoubt.clientOrderId(), new SentOrder(s.request(), OrderState.UNKNOWN, s.filledQty(), s.sends(),
                    why));
        }
        inDoubt = null;
    }

    private void record(OrderRequest req, OrderState state, double filled, int sendNo, String error) {
        sent.put(req.clientOrderId(), new SentOrder(req, state, filled, sendNo, error));
    }

    private LegProgress phase(LegPhase phase, String detail) {
        LegProgress p = new LegProgress(leg.index(), key, phase, lastAttempt, lastQty, ordersSent, detail);
        progress.set(p);
        return p;
    }

    private void fail(String detail) {
        finish(LegPhase.FAILED, detail);
    }

    private void finish(LegPhase phase, String detail) {
        releaseVenue();
        if (done.isDone()) {
            return;
        }
        progress.set(new LegProgress(leg.index(), key, phase, lastAttempt, lastQty, ordersSent, detail));
        boolean verified = phase == LegPhase.FLAT || phase == LegPhase.CANCELLED;
        LegOutcome outcome = new LegOutcome(leg, phase, cancelled, initialQty, lastQty, openZero,
                job.plan().mode() == KillMode.FLATTEN ? positionZero : null, new ArrayList<>(sent.values()), detail,
                verified ? job.time().nanos() : 0);
        if (job.plan().mode() != KillMode.HALT) {
            job.journal().legFinished(job.flattenId(), outcome);
        }
        done.complete(outcome);
    }

    private double lot() {
        return instrument != null ? instrument.lotSize() : 0;
    }

    private boolean isFlat(double qty) {
        return instrument != null ? instrument.isFlat(qty) : qty == 0;
    }

    /** |qty| rounded to whole lots (at least one); reduce-only caps it at the position anyway. */
    private double size(double qty) {
        double abs = Math.abs(qty);
        if (instrument == null) {
            return abs;
        }
        long lots = Math.max(1, Math.round(abs / instrument.lotSize()));
        return BigDecimal.valueOf(instrument.lotSize()).multiply(BigDecimal.valueOf(lots)).doubleValue();
    }

    private static String describe(List<Order> open) {
        StringBuilder sb = new StringBuilder();
        for (Order o : open) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(o.side()).append(' ').append(fmt(o.remaining())).append(o.conditional() ? " conditional" : "")
                    .append(" (").append(o.state()).append(o.reason() == null ? "" : ": " + o.reason()).append(')');
        }
        return sb.toString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    // ---- error classification ----

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static VenueError.Kind kind(Throwable t) {
        return t instanceof VenueException ve && ve.error() != null ? ve.error().kind() : null;
    }

    /** No answer from the venue: the request may or may not have taken effect. */
    static boolean unanswered(Throwable t) {
        if (t instanceof TimeoutException) {
            return true;
        }
        VenueError.Kind k = kind(t);
        return k == VenueError.Kind.NETWORK || k == VenueError.Kind.TIMEOUT;
    }

    /** Worth retrying without counting it as the venue's refusal. */
    private static boolean transientError(Throwable t) {
        return unanswered(t) || kind(t) == VenueError.Kind.RATE_LIMITED;
    }

    /** Refusals that retrying cannot fix. */
    private static boolean permanent(Throwable t) {
        VenueError.Kind k = kind(t);
        return k == VenueError.Kind.AUTH || k == VenueError.Kind.READ_ONLY || k == VenueError.Kind.UNSUPPORTED;
    }

    static String message(Throwable t) {
        if (t instanceof TimeoutException) {
            return "no answer within the deadline";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
