package io.legwatch.flatten;

import com.fasterxml.jackson.databind.JsonNode;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;
import io.legwatch.journal.Journal;
import io.legwatch.journal.JournalRecovery;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The kill switch: the one entry point the UI, hotkeys and automatic policies call.
 *
 * <pre>
 *   FlattenPlan plan = killSwitch.plan(KillScope.strategy("btc-basis"));   // show plan.lines() in the confirm
 *   KillHandle h = killSwitch.execute(plan, "user:alice");                  // returns at once
 *   h.progress();  h.result().thenAccept(r -> r.receipts() ...);
 * </pre>
 *
 * Work runs on the kill switch's own threads: {@link #execute} never blocks the caller (FX or engine
 * thread). Verified flat scopes are watched for late fills ({@link #onSnapshot}) and re-opened.
 */
public final class KillSwitch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);
    private static final int RECENT = 50;

    private final Supplier<MonitorSnapshot> snapshots;
    private final Journal journal;
    private final FlattenContext ctx;
    private final ExecutorService executor;
    private final FlattenPlanner planner;
    private final FlattenIds ids;
    private final Map<String, FlattenJob> byId = new ConcurrentHashMap<>();
    private final Deque<FlattenJob> recent = new ConcurrentLinkedDeque<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final List<RecoveryNotice> notices = new CopyOnWriteArrayList<>();
    private final Map<VenueId, Boolean> venueTrusted = new ConcurrentHashMap<>();
    private final boolean warmUp;
    private final Duration keepWarm;
    /**
     * Under the idle timeout of the simulator's front ends (Jetty's default, 30 s), hence of servers
     * configured like it: three reads per venue per minute.
     */
    public static final Duration DEFAULT_KEEP_WARM = Duration.ofSeconds(20);
    private final AtomicBoolean dryRunStarted = new AtomicBoolean();
    private final CompletableFuture<Void> dryRun = new CompletableFuture<>();
    private volatile boolean closed;

    /** A verified-flat scope watched for late fills until {@code untilMs}. */
    private record Watch(String flattenId, KillScope scope, Set<InstrumentKey> keys, long untilMs,
                         AtomicBoolean checking) {
    }

    private KillSwitch(Builder b) {
        this.snapshots = Objects.requireNonNull(b.snapshots, "snapshots");
        this.journal = Objects.requireNonNull(b.journal, "journal");
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "legwatch-flatten-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<VenueId, VenueAccess> venues = new HashMap<>();
        for (VenueConnector c : b.connectors) {
            venues.put(c.venue(), new VenueAccess(c, b.settings.attemptTimeout(), b.time));
        }
        this.ctx = new FlattenContext(b.settings, executor, new FlattenJournal(journal, b.alarms, b.time), b.time, b.halt,
                b.listener, b.alarms, Map.copyOf(venues), new ConcurrentHashMap<>(), List.copyOf(b.resultListeners));
        // Releasing a halt means the trader trades that scope again on purpose: stop watching it for late fills.
        b.halt.addListener(active -> {
            if (watches.isEmpty()) {
                return;
            }
            // One set per change: a scan of the halts per watch grew with the square of the kills fired.
            Set<String> still = new HashSet<>();
            active.forEach(h -> still.add(h.flattenId()));
            watches.removeIf(w -> !still.contains(w.flattenId()));
        });
        this.planner = new FlattenPlanner(b.settings);
        this.warmUp = b.warmUp;
        this.keepWarm = b.keepWarm;
        this.ids = new FlattenIds(b.time);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A FLATTEN plan for {@code scope} from the latest snapshot. */
    public FlattenPlan plan(KillScope scope) {
        return plan(scope, KillMode.FLATTEN);
    }

    /**
     * What {@code mode} on {@code scope} would do, from the latest snapshot.
     *
     * @throws IllegalArgumentException when the scope names a strategy or leg the snapshot does not have
     */
    public FlattenPlan plan(KillScope scope, KillMode mode) {
        return planner.plan(ids.next(), snapshots.get(), scope, mode, ctx.time().millis());
    }

    /**
     * Executes exactly this plan; returns at once. Executing the same plan again returns the same
     * handle (a double click fires once).
     *
     * @throws IllegalStateException after {@link #close()}: nothing is started or registered
     */
    public KillHandle execute(FlattenPlan plan, String firedBy) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(firedBy, "firedBy");
        if (closed) {
            throw notStarted(plan, null);
        }
        FlattenJob[] created = new FlattenJob[1];
        FlattenJob job = byId.computeIfAbsent(plan.flattenId(), id -> {
            created[0] = new FlattenJob(ctx, plan, firedBy, Map.of());
            return created[0];
        });
        if (created[0] != null) {
            launch(job, false);
        }
        return job;
    }

    /** Plans and executes FLATTEN on {@code scope} in one call (automatic policies). */
    public KillHandle flatten(KillScope scope, String firedBy) {
        return execute(plan(scope), firedBy);
    }

    private void launch(FlattenJob job, boolean resumed) {
        try {
            // Starting journals the plan (and forces it to disk): never on the caller's (FX or engine) thread.
            executor.execute(() -> job.start(resumed));
        } catch (RejectedExecutionException e) {
            // Closed while this call was on its way in: nothing was started, so nothing stays registered.
            IllegalStateException why = notStarted(job.plan(), e);
            byId.remove(job.flattenId(), job);
            job.result().completeExceptionally(why);
            throw why;
        }
        recent.addFirst(job);
        while (recent.size() > RECENT) {
            FlattenJob old = recent.pollLast();
            if (old != null && old.result().isDone()) {
                byId.remove(old.flattenId());
            }
        }
        if (job.plan().mode() == KillMode.FLATTEN) {
            job.result().thenAccept(r -> {
                boolean stillHalted = halted(ctx.halt().active(), r.plan().flattenId());
                if (r.outcome() == KillResult.Outcome.VERIFIED_FLAT && stillHalted) {
                    Set<InstrumentKey> keys = new HashSet<>();
                    r.plan().legs().forEach(l -> keys.add(l.instrument()));
                    watches.add(new Watch(r.plan().flattenId(), r.plan().scope(), keys,
                            ctx.time().millis() + ctx.settings().reopenWatch().toMillis(), new AtomicBoolean()));
                }
            });
        }
    }

    private static boolean halted(List<TradingHalt.Halt> active, String flattenId) {
        return active.stream().anyMatch(h -> h.flattenId().equals(flattenId));
    }

    /**
     * Lifts the halts fired with exactly {@code scope} (the trader trades there again on purpose),
     * journaled with who did it. Returns how many were lifted.
     */
    public int release(KillScope scope, String by) {
        int n = ctx.halt().release(scope);
        executor.execute(() -> ctx.journal().action("halt.release", scope, by, n + " halt(s) lifted"));
        return n;
    }

    /** The halt gate: order paths consult it ({@code gate(gateway)}), the UI lists its active halts. */
    public TradingHalt halt() {
        return ctx.halt();
    }

    /**
     * Scopes verified flat recently and still watched for late fills (until the watch period ends or
     * the trader releases the scope's halt), for the UI.
     */
    public List<KillScope> watchedScopes() {
        long now = ctx.time().millis();
        return watches.stream().filter(w -> w.untilMs() >= now).map(Watch::scope).toList();
    }

    /** Kill actions of this run, newest first (running ones and the last few finished). */
    public List<KillHandle> handles() {
        return List.copyOf(recent);
    }

    public FlattenSettings settings() {
        return ctx.settings();
    }

    /**
     * Feed every published snapshot here (any thread; returns at once). A venue seen coming back
     * wakes the work queued for it; a venue seen trusted has its instrument list loaded ahead of the
     * first kill (which otherwise waits for it, cold, before its first cancel). A verified-flat scope whose legs show a position again (a late
     * hedge fill) is checked against the venue and, if the venue confirms, flattened again.
     */
    public void onSnapshot(MonitorSnapshot snapshot) {
        for (VenueView v : snapshot.venues().values()) {
            boolean trusted = v.state().trusted();
            Boolean before = venueTrusted.put(v.venue(), trusted);
            VenueAccess access = ctx.venues().get(v.venue());
            if (trusted && Boolean.FALSE.equals(before) && access != null) {
                access.signalReconnect(); // queued work for this venue retries now, not at its next backoff
            }
            if (warmUp && trusted && access != null && access.needsWarmUp()) {
                try {
                    executor.execute(() -> warmUp(access));
                } catch (RejectedExecutionException e) {
                    LOG.debug("kill switch closed; {} not warmed up", v.venue());
                }
            } else if (!warmUp && trusted && access != null && access.needsInstruments()) { // the warm-up loads them too
                try {
                    executor.execute(access::prefetchInstruments);
                } catch (RejectedExecutionException e) {
                    LOG.debug("kill switch closed; instruments of {} not loaded", v.venue());
                }
            }
        }
        if (watches.isEmpty() || executor.isShutdown()) {
            return;
        }
        try {
            executor.execute(() -> checkWatches(snapshot));
        } catch (RejectedExecutionException e) {
            LOG.debug("kill switch closed; snapshot {} not checked", snapshot.version());
        }
    }

    /**
     * Warms the kill path up for one venue seen trusted (see {@link VenueAccess#warmUp}: reads and dry
     * runs only, nothing is ever sent), and plans a global FLATTEN on the latest snapshot, discarded
     * (never executed nor journaled), so the first click's planning runs compiled too.
     */
    private void warmUp(VenueAccess access) {
        access.warmUp().thenRun(() -> {
            try {
                planner.plan("warm-up", snapshots.get(), KillScope.global(), KillMode.FLATTEN, ctx.time().millis());
            } catch (RuntimeException e) {
                LOG.debug("warm-up plan failed: {}", e.toString());
            }
            startDryRun(access);
            scheduleKeepWarm(access);
        });
    }

    /**
     * Every {@code keepWarm} while the venue is trusted: one read of open orders and positions, so the
     * pooled connection and the read path are still warm when a kill comes after a quiet hour (servers
     * close idle connections, Jetty's default after 30 s; the shared client drops them after 5 idle
     * minutes). Reads only; not measured yet (BENCHMARKS.md "The first kill: warm-up").
     */
    private void scheduleKeepWarm(VenueAccess access) {
        if (keepWarm.isZero() || closed) {
            return;
        }
        CompletableFuture.delayedExecutor(keepWarm.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (closed) {
                return;
            }
            try {
                executor.execute(() -> {
                    if (Boolean.TRUE.equals(venueTrusted.get(access.venue()))) {
                        access.keepWarm();
                    }
                    scheduleKeepWarm(access);
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("kill switch closed; {} no longer kept warm", access.venue());
            }
        });
    }

    /**
     * Once, after the first venue's warm-up: a whole kill against an in-memory stand-in of that venue
     * ({@link KillDryRun}; the job, the ladder and the journal are venue-agnostic), on a thread of its
     * own so the flatten pool stays free for a real kill.
     */
    private void startDryRun(VenueAccess access) {
        Map<String, io.legwatch.domain.Instrument> known = access.cachedInstruments();
        if (known == null || closed || !dryRunStarted.compareAndSet(false, true)) {
            return;
        }
        List<io.legwatch.domain.Instrument> sample = known.values().stream()
                .filter(i -> i.kind() != io.legwatch.domain.InstrumentKind.OPTION && i.lotSize() > 0).limit(1).toList();
        Thread t = new Thread(() -> {
            try {
                KillDryRun.run(sample, ctx.settings(), ctx.time(), snapshots);
            } finally {
                dryRun.complete(null);
            }
        }, "legwatch-kill-dry-run");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Completes once every venue has been warmed up (the engine showed it trusted and its warm-up
     * succeeded); for the benchmarks and tests that must know the kill path is ready. Never fails.
     */
    public CompletableFuture<Void> warmedUp() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        ctx.venues().values().forEach(v -> all.add(v.warmed()));
        if (warmUp && !ctx.venues().isEmpty()) {
            all.add(dryRun);
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private void checkWatches(MonitorSnapshot s) {
        long now = ctx.time().millis();
        for (Watch w : watches) {
            if (now > w.untilMs()) {
                watches.remove(w);
                continue;
            }
            List<InstrumentKey> suspects = w.keys().stream().filter(k -> showsPosition(s, k)).toList();
            if (suspects.isEmpty() || !w.checking().compareAndSet(false, true)) {
                continue;
            }
            confirmAtVenue(w, suspects);
        }
    }

    private static boolean showsPosition(MonitorSnapshot s, InstrumentKey key) {
        LegView v = find(s, key);
        return v != null && v.positionKnown() && v.qty() != 0
                && (v.venueState() == null || v.venueState().trusted());
    }

    /**
     * Asks every venue with a suspect whether the position is really there (one coalesced read per
     * venue); any venue confirming re-opens the scope. A venue that cannot be read right now does
     * not hold up the others: it is asked again with the next snapshot.
     */
    private void confirmAtVenue(Watch w, List<InstrumentKey> suspects) {
        Map<VenueId, List<InstrumentKey>> byVenue = new TreeMap<>();
        suspects.forEach(k -> byVenue.computeIfAbsent(k.venue(), v -> new ArrayList<>()).add(k));
        List<CompletableFuture<List<InstrumentKey>>> checks = new ArrayList<>();
        byVenue.forEach((venue, keys) -> {
            VenueAccess access = ctx.venues().get(venue);
            if (access != null) {
                checks.add(confirmed(access, keys).exceptionally(e -> {
                    LOG.debug("late-fill check on {} could not read the venue: {}", venue, e.toString());
                    return List.of();
                }));
            }
        });
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenCompleteAsync((v, e) -> {
            w.checking().set(false);
            List<InstrumentKey> open = checks.stream().flatMap(c -> c.join().stream()).toList();
            if (open.isEmpty() || !watches.remove(w)) {
                return;
            }
            reopen(w, open);
        }, executor);
    }

    /** The keys (all on {@code access}'s venue) the venue itself shows a position in. */
    private static CompletableFuture<List<InstrumentKey>> confirmed(VenueAccess access, List<InstrumentKey> keys) {
        return access.freshRead().thenCombine(access.instruments(), (read, instruments) -> keys.stream()
                .filter(k -> {
                    var inst = instruments.get(k.symbol());
                    double q = read.qty(k);
                    return inst != null ? !inst.isFlat(q) : q != 0;
                }).toList());
    }

    private void reopen(Watch w, List<InstrumentKey> open) {
        String why = "late fill after verified flat on " + open;
        ctx.journal().action("reopen", w.scope(), "reopen:" + w.flattenId(), why);
        try {
            KillHandle h = flatten(w.scope(), "reopen:" + w.flattenId());
            LOG.warn("flatten {} re-opened as {}: {}", w.flattenId(), h.plan().flattenId(), why);
        } catch (RuntimeException e) {
            ctx.alarms().alarm(new FlattenAlarm(ctx.time().millis(), w.flattenId(), FlattenAlarm.Kind.FLATTEN_FAILED,
                    why + ", but it could not be re-flattened: " + e.getMessage()));
        }
    }

    private static LegView find(MonitorSnapshot s, InstrumentKey key) {
        for (StrategyView sv : s.strategies()) {
            for (LegView l : sv.legs()) {
                if (l.instrument().equals(key)) {
                    return l;
                }
            }
        }
        for (LegView l : s.unassigned()) {
            if (l.instrument().equals(key)) {
                return l;
            }
        }
        return null;
    }

    /**
     * Call once at start, before any new kill: finds flattens the previous run left unfinished in
     * the journal, re-verifies them against the venues and resumes them (an order sent without a
     * recorded outcome is re-read first and, only if still needed, re-sent with its own client id).
     * Returns what to tell the trader; also kept in {@link #recoveryNotices()}.
     */
    public List<RecoveryNotice> recover() {
        JournalRecovery.Report report = JournalRecovery.scan(journal.directory());
        List<RecoveryNotice> found = new ArrayList<>();
        for (String problem : report.problems()) {
            LOG.warn("journal recovery: {}", problem);
        }
        if (!report.problems().isEmpty()) {
            // An unreadable line may be a lost record of an action: the trader checks, Legwatch cannot.
            ctx.alarms().alarm(new FlattenAlarm(ctx.time().millis(), null, FlattenAlarm.Kind.JOURNAL_FAILED,
                    "journal has " + report.problems().size() + " unreadable line(s) (torn writes?), first: "
                            + report.problems().get(0) + "; what they recorded is not known"));
        }
        for (JournalRecovery.UnfinishedFlatten u : report.unfinished()) {
            found.add(resume(u));
        }
        notices.addAll(found);
        return found;
    }

    private RecoveryNotice resume(JournalRecovery.UnfinishedFlatten u) {
        List<String> inDoubt = List.copyOf(u.inDoubt());
        FlattenPlan plan;
        try {
            plan = FlattenJournal.plan(u.plan());
        } catch (RuntimeException e) {
            String msg = "unfinished flatten " + u.flattenId() + " found in the journal but its plan is unreadable ("
                    + e.getMessage() + "): check its venues by hand";
            ctx.alarms().alarm(new FlattenAlarm(ctx.time().millis(), u.flattenId(), FlattenAlarm.Kind.RECOVERED, msg));
            return new RecoveryNotice(u.flattenId(), "?", null, u.firedBy(), u.startedAtMs(), inDoubt, null, msg);
        }
        Map<Integer, FlattenJob.Resume> resume = new HashMap<>();
        for (JsonNode sent : u.ordersSent()) {
            int leg = sent.path("leg").asInt();
            int attempt = sent.path("attempt").asInt();
            String cid = sent.path("clientOrderId").asText();
            FlattenJob.Resume prev = resume.get(leg);
            int last = Math.max(attempt, prev == null ? 0 : prev.lastAttempt());
            OrderRequest doubt = prev == null ? null : prev.inDoubt();
            int sends = prev == null ? 0 : prev.sends();
            if (u.inDoubt().contains(cid)) {
                doubt = FlattenJournal.request(sent.path("order"));
                sends = Math.max(sends, sent.path("send").asInt(1));
            }
            resume.put(leg, new FlattenJob.Resume(last, doubt, sends));
        }
        // Orders with an outcome are settled; only the latest in-doubt one per leg is carried over.
        resume.replaceAll((leg, r) -> r.inDoubt() != null && ClientOrderIds.parse(r.inDoubt().clientOrderId())
                .map(p -> p.attempt() < r.lastAttempt()).orElse(false)
                ? new FlattenJob.Resume(r.lastAttempt(), null, 0) : r);
        String firedBy = "recovery:" + u.firedBy();
        FlattenJob job = new FlattenJob(ctx, plan, firedBy, resume);
        byId.put(plan.flattenId(), job);
        launch(job, true);
        String msg = plan.mode() + " " + plan.scope().label() + " (" + plan.flattenId() + ", fired by " + u.firedBy()
                + ") was unfinished when Legwatch stopped; re-verifying against the venues and resuming"
                + (inDoubt.isEmpty() ? "" : "; orders with unknown outcome: " + inDoubt);
        ctx.alarms().alarm(new FlattenAlarm(ctx.time().millis(), plan.flattenId(), FlattenAlarm.Kind.RECOVERED, msg));
        return new RecoveryNotice(plan.flattenId(), plan.scope().label(), plan.mode(), u.firedBy(), u.startedAtMs(),
                inDoubt, job, msg);
    }

    /** Everything {@link #recover()} found this run, for the UI. */
    public List<RecoveryNotice> recoveryNotices() {
        return List.copyOf(notices);
    }

    private static IllegalStateException notStarted(FlattenPlan plan, Throwable cause) {
        return new IllegalStateException("kill switch is closed: " + plan.mode() + " " + plan.scope().label()
                + " (" + plan.flattenId() + ") was not started", cause);
    }

    /**
     * Stops the work. A flatten still running is not finished by anyone: its result completes
     * exceptionally so that nobody waits for it forever, and says the venues need checking.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (FlattenJob job : byId.values()) {
            FlattenPlan p = job.plan();
            if (job.result().completeExceptionally(new IllegalStateException(
                    "kill switch closed before the flatten finished: check the venues (" + p.mode() + " "
                            + p.scope().label() + ", " + p.flattenId() + ")"))) {
                LOG.warn("kill switch closed with {} {} ({}) unfinished", p.mode(), p.scope().label(), p.flattenId());
            }
        }
    }

    /** Builder: venues, snapshot source and journal are required. */
    public static final class Builder {
        private Collection<? extends VenueConnector> connectors = List.of();
        private Supplier<MonitorSnapshot> snapshots;
        private Journal journal;
        private FlattenSettings settings = FlattenSettings.DEFAULT;
        private TimeSource time = TimeSource.SYSTEM;
        private FlattenListener listener = FlattenListener.NONE;
        private AlarmListener alarms = a -> LOG.warn("ALARM {}: {}", a.kind(), a.message());
        private TradingHalt halt = new TradingHalt();
        private int threads = 2;
        private boolean warmUp = true;
        private Duration keepWarm = DEFAULT_KEEP_WARM;
        private final List<Consumer<KillResult>> resultListeners = new ArrayList<>();

        public Builder venues(Collection<? extends VenueConnector> connectors) {
            this.connectors = List.copyOf(connectors);
            return this;
        }

        /**
         * Whether a venue seen trusted has its kill path warmed up (reads and dry runs, nothing sent;
         * default on). Off leaves the first kill cold, as before the warm-up existed (benchmarks' baseline).
         */
        public Builder warmUp(boolean on) {
            this.warmUp = on;
            return this;
        }

        /**
         * How often a warmed-up, trusted venue gets one keep-warm read (open orders and positions);
         * {@link Duration#ZERO}: never. Default {@link #DEFAULT_KEEP_WARM}.
         */
        public Builder keepWarm(Duration every) {
            this.keepWarm = Objects.requireNonNull(every);
            return this;
        }

        public Builder snapshots(Supplier<MonitorSnapshot> snapshots) {
            this.snapshots = snapshots;
            return this;
        }

        public Builder journal(Journal journal) {
            this.journal = journal;
            return this;
        }

        public Builder settings(FlattenSettings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        public Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        public Builder listener(FlattenListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public Builder alarms(AlarmListener alarms) {
            this.alarms = Objects.requireNonNull(alarms);
            return this;
        }

        /** Share one gate with other order paths (the app passes the same instance everywhere). */
        public Builder halt(TradingHalt halt) {
            this.halt = Objects.requireNonNull(halt);
            return this;
        }

        /** Told every finished kill action (incident log, UI history); called on a flatten thread. */
        public Builder resultListener(Consumer<KillResult> listener) {
            this.resultListeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public KillSwitch build() {
            return new KillSwitch(this);
        }
    }
}
