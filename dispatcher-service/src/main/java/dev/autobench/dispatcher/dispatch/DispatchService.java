package dev.autobench.dispatcher.dispatch;

import dev.autobench.dispatcher.call.ProviderGuards;
import dev.autobench.dispatcher.call.RetryPolicy;
import dev.autobench.dispatcher.call.SubmissionCaller;
import dev.autobench.dispatcher.catalog.ModelCatalog;
import dev.autobench.dispatcher.claim.DispatcherIdentity;
import dev.autobench.dispatcher.metrics.DispatchMetrics;
import dev.autobench.dispatcher.metrics.StatusGauges;
import dev.autobench.dispatcher.submission.SubmissionStore;
import dev.autobench.common.problem.ProblemException;
import dev.autobench.dispatcher.renderer.RendererNudger;
import dev.autobench.dispatcher.catalog.CallableModel;
import dev.autobench.dispatcher.claim.Claim;
import dev.autobench.dispatcher.dispatch.api.DispatchSummary;
import dev.autobench.dispatcher.submission.PairState;
import dev.autobench.dispatcher.dispatch.api.RetryRequest;
import dev.autobench.dispatcher.dispatch.api.RetryResult;
import dev.autobench.dispatcher.submission.SubmissionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One dispatch run: every generated task × every active model, in parallel, each pair bounded by its
 * provider's bulkhead, so the run lasts about as long as the slowest call. Tasks whose pairs are all
 * terminal become dispatched; the renderer is nudged afterwards.
 */
@ApplicationScoped
public class DispatchService {

    private static final Logger LOG = Logger.getLogger(DispatchService.class);

    private final ModelCatalog catalog;
    private final DispatchableTaskRepository tasks;
    private final SubmissionRepository submissions;
    private final SubmissionStore store;
    private final SubmissionCaller caller;
    private final ProviderGuards guards;
    private final RetryPolicy retries;
    private final DispatcherIdentity identity;
    private final DispatchMetrics metrics;
    private final StatusGauges gauges;
    private final RendererNudger renderer;

    DispatchService(ModelCatalog catalog, DispatchableTaskRepository tasks, SubmissionRepository submissions, SubmissionStore store,
                    SubmissionCaller caller, ProviderGuards guards, RetryPolicy retries, DispatcherIdentity identity,
                    DispatchMetrics metrics, StatusGauges gauges, RendererNudger renderer) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.submissions = submissions;
        this.store = store;
        this.caller = caller;
        this.guards = guards;
        this.retries = retries;
        this.identity = identity;
        this.metrics = metrics;
        this.gauges = gauges;
        this.renderer = renderer;
    }

    /** Every generated task. */
    private static final Set<String> DISPATCHABLE = Set.of("generated", "dispatched");

    public DispatchSummary dispatch() {
        return dispatch(null);
    }

    /**
     * The given tasks, or every generated task when {@code taskIds} is null. Each given task must be
     * generated or dispatched (a dispatched one only gets the pairs it still lacks); otherwise nothing
     * is called and the problem names the ids.
     */
    public DispatchSummary dispatch(List<UUID> taskIds) {
        List<TaskToDispatch> selected = taskIds == null ? null : requested(taskIds);
        try {
            DispatchSummary summary = run(selected);
            metrics.dispatchRun("completed");
            return summary;
        } catch (RuntimeException e) {
            metrics.dispatchRun("failed");
            throw e;
        }
    }

    private List<TaskToDispatch> requested(List<UUID> taskIds) {
        List<UUID> ids = taskIds.stream().distinct().toList();
        Map<UUID, String> status = QuarkusTransaction.requiringNew().call(() -> tasks.statusOf(ids));
        List<UUID> unknown = ids.stream().filter(id -> !status.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("unknown task(s): " + unknown);
        }
        List<String> notReady = ids.stream()
                .filter(id -> !DISPATCHABLE.contains(status.get(id)))
                .map(id -> id + " (" + status.get(id) + ")")
                .toList();
        if (!notReady.isEmpty()) {
            throw ProblemException.conflict("task(s) not generated yet: " + notReady
                    + "; only generated or dispatched tasks can be dispatched");
        }
        return QuarkusTransaction.requiringNew().call(() -> tasks.listByIds(ids));
    }

    private DispatchSummary run(List<TaskToDispatch> selected) {
        long start = System.nanoTime();
        List<TaskToDispatch> generated = selected != null ? selected
                : QuarkusTransaction.requiringNew().call(tasks::listGenerated);
        List<CallableModel> models = catalog.activeModels();
        if (models.isEmpty()) {
            LOG.warn("dispatch: no active model (no provider has a key and the demo is off); nothing to call");
        }
        List<CompletableFuture<PairOutcome>> pairs = new ArrayList<>();
        for (TaskToDispatch task : generated) {
            for (CallableModel model : models) {
                pairs.add(CompletableFuture.supplyAsync(() -> caller.claimAndCall(task, model),
                        guards.bulkhead(model.provider())));
            }
        }
        CompletableFuture.allOf(pairs.toArray(CompletableFuture[]::new)).join();

        int calls = 0;
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        int deferred = 0;
        for (CompletableFuture<PairOutcome> pair : pairs) {
            PairOutcome outcome = pair.join();
            calls += outcome.attempts();
            switch (outcome.kind()) {
                case SUCCEEDED -> succeeded++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
                case DEFERRED -> deferred++;
            }
        }
        List<UUID> modelIds = models.stream().map(CallableModel::id).toList();
        generated.forEach(task -> store.markDispatchedIfComplete(task.id(), modelIds));
        gauges.refresh();
        DispatchSummary summary = new DispatchSummary(generated.size(), calls, succeeded, failed, skipped,
                deferred);
        LOG.infof("dispatch: %s in %d ms", summary, (System.nanoTime() - start) / 1_000_000);
        if (succeeded > 0) {
            renderer.nudge();
        }
        return summary;
    }

    /**
     * Calls one failed pair again, on purpose: a new claim (taken by the worker), attempts numbered after the
     * earlier ones. A pair whose failure may have been billed (timeout, abandoned, possibly processed) needs
     * {@code force}.
     */
    public RetryResult retry(RetryRequest request) {
        CallableModel model = catalog.callable(request.model())
                .orElseThrow(() -> ProblemException.notFound("unknown model '" + request.model() + "'"));
        TaskToDispatch task = QuarkusTransaction.requiringNew().call(() -> tasks.find(request.taskId()))
                .orElseThrow(() -> ProblemException.notFound("unknown task " + request.taskId()));
        PairState pair = QuarkusTransaction.requiringNew().call(() -> submissions.findPair(task.id(), model.id()))
                .orElseThrow(() -> ProblemException.notFound("task " + task.id() + " has no submission of model '"
                        + model.slug() + "'; POST /api/dispatch creates it"));
        if (!pair.isFailed()) {
            throw ProblemException.conflict("the submission of model '" + model.slug() + "' for task " + task.id()
                    + " is " + pair.status() + ", not failed; only failed pairs can be retried");
        }
        boolean force = request.forced();
        if (SubmissionRepository.POSSIBLY_BILLED.contains(pair.errorCode()) && !force) {
            throw ProblemException.conflict("the pair failed '" + pair.errorCode() + "': the provider may have run and "
                    + "billed it; re-call it only on purpose, with \"force\": true");
        }
        LOG.infof("retry: task %s model %s on purpose%s", task.id(), model.slug(), force ? " (forced)" : "");
        // claimed inside the worker, once a slot of the provider's bulkhead is free: a claim taken before
        // queueing could see its lease run out in the queue
        try {
            CompletableFuture.supplyAsync(() -> {
                Claim claim = store.reclaimFailed(task.id(), model.id(), identity.name(), retries.lease(model.timeout()),
                        force).orElseThrow(() -> ProblemException.conflict(
                                "the submission is no longer failed (retried concurrently)"));
                return caller.callClaimed(claim, task, model);
            }, guards.bulkhead(model.provider())).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        store.markDispatchedIfComplete(task.id(), catalog.activeModels().stream().map(CallableModel::id).toList());
        gauges.refresh();
        PairState after = QuarkusTransaction.requiringNew().call(() -> submissions.findPair(task.id(), model.id()))
                .orElseThrow();
        if ("succeeded".equals(after.status())) {
            renderer.nudge();
        }
        return new RetryResult(task.id(), model.slug(), after.status(), after.errorCode(), after.attempts());
    }

    /** After the reaper: tasks whose last pairs were just abandoned may now be complete. */
    public void completeTasks(List<UUID> taskIds) {
        List<UUID> modelIds = catalog.activeModels().stream().map(CallableModel::id).toList();
        taskIds.forEach(id -> store.markDispatchedIfComplete(id, modelIds));
    }
}
