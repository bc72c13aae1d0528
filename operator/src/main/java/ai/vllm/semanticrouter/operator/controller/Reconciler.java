package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.RenderError;
import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import ai.vllm.semanticrouter.operator.apply.ApplyOutcome;
import ai.vllm.semanticrouter.operator.apply.ApplyRound;
import ai.vllm.semanticrouter.operator.apply.ClusterWriter;
import ai.vllm.semanticrouter.operator.apply.Inventory;
import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.functions.ClusterView;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import ai.vllm.semanticrouter.operator.status.Problem;
import ai.vllm.semanticrouter.operator.status.StatusComputation;
import ai.vllm.semanticrouter.operator.status.StatusInputs;
import ai.vllm.semanticrouter.operator.status.StatusPatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One level-triggered reconcile of a SemanticRouter: read it from the view, compute the
 * environment, render, apply what changed, prune what no longer renders, write status when it
 * changed. It keeps no memory between calls and is safe to call from several threads for different keys.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ClusterView view;
    private final ClusterWriter writer;
    private final RenderPass renderPass;
    private final StatusComputation statusComputation;
    private final ConditionEvents conditionEvents;
    private final SpecCheck specCheck = SpecCheck.ofShippedCrd();

    public Reconciler(ClusterView view, ClusterWriter writer, RenderPass renderPass, Clock clock) {
        this.view = view;
        this.writer = writer;
        this.renderPass = renderPass;
        this.statusComputation = new StatusComputation(clock);
        this.conditionEvents = new ConditionEvents(writer);
    }

    public ReconcileResult reconcile(String namespace, String name) {
        Optional<ObjectNode> found = view.get(Ownership.CR_API_VERSION, Ownership.CR_KIND, namespace, name);
        if (found.isEmpty() || found.get().path("metadata").has("deletionTimestamp")) {
            conditionEvents.forget(namespace, name);
            specCheck.forget(namespace, name);
            return deleteForeignObjects(namespace, name);
        }
        ObjectNode cr = found.get();
        Inventory inventory = Inventory.of(view, renderPass.producedKinds(), renderPass.foreignKinds(), cr);
        RenderPass.Plan plan = renderPass.plan(cr, Platform.detect(view), inventory.byResourceName());
        List<SchemaViolation> violations = specCheck.violations(cr);
        if (!violations.isEmpty()) {
            return refuseSpec(cr, plan, inventory, violations);
        }
        List<Problem> problems = new ArrayList<>(renderProblems(cr, plan));
        Set<String> failedTemplates = plan.result().errors().stream()
                .map(RenderError::resourceName).collect(Collectors.toCollection(HashSet::new));
        Set<String> heldBack = heldBack(cr, plan, problems);
        failedTemplates.addAll(heldBack);
        ApplyOutcome outcome = new ApplyRound(view, writer, cr, inventory)
                .run(plan.intents().stream().filter(i -> !heldBack.contains(i.rendered().name()))
                        .map(RenderPass.Intent::object).toList(), failedTemplates);
        problems.addAll(applyProblems(outcome));
        boolean statusWritten = writeStatus(cr, plan, outcome, problems);
        LOG.info("Reconciled semanticrouter={}/{} written={} unchanged={} pruned={} problems={} statusUpdated={}",
                namespace, name, outcome.written(), outcome.unchanged(), outcome.pruned(), problems.size(), statusWritten);
        if (!outcome.applyFailures().isEmpty() || !outcome.pruneFailures().isEmpty()) {
            List<String> failures = new ArrayList<>(outcome.applyFailures());
            failures.addAll(outcome.pruneFailures());
            return new ReconcileResult.Failure(String.join("; ", failures));
        }
        return ReconcileResult.success();
    }

    /**
     * The CR is gone or going: its objects in other namespaces have no owner reference for the garbage
     * collector to follow, so they are deleted here. Their watch events bring this key back after an
     * operator restart, so none is left behind.
     */
    private ReconcileResult deleteForeignObjects(String namespace, String name) {
        List<String> failures = new ArrayList<>();
        for (ObjectNode object : Inventory.foreign(view, renderPass.foreignKinds(), namespace, name)) {
            ObjectKey key = ObjectKey.of(object);
            try {
                writer.delete(key);
                LOG.info("Deleted {} semanticrouter={}/{} (its SemanticRouter is deleted)", key, namespace, name);
            } catch (RuntimeException e) {
                failures.add(key + ": " + e.getMessage());
            }
        }
        return failures.isEmpty() ? ReconcileResult.success()
                : new ReconcileResult.Failure("Failed to delete " + String.join("; ", failures));
    }

    /**
     * A CR that the CRD's schema refuses but the API server stored anyway: nothing is applied or
     * pruned (what runs keeps running), and status says which field is wrong and why.
     */
    private ReconcileResult refuseSpec(ObjectNode cr, RenderPass.Plan plan, Inventory inventory,
                                       List<SchemaViolation> violations) {
        String message = "spec refused by the CRD's schema, nothing applied or deleted until it is fixed: "
                + violations.stream().map(SchemaViolation::format).collect(Collectors.joining("; "));
        String namespace = cr.path("metadata").path("namespace").asText();
        String name = cr.path("metadata").path("name").asText();
        LOG.warn("Invalid spec semanticrouter={}/{}: {}", namespace, name, message);
        boolean statusWritten = writeStatus(cr, plan, ApplyOutcome.untouched(inventory),
                List.of(new Problem(Problem.INVALID_SPEC, message)));
        LOG.info("Reconciled semanticrouter={}/{} written=0 unchanged={} pruned=0 problems=1 statusUpdated={}",
                namespace, name, inventory.objects().size(), statusWritten);
        return ReconcileResult.success();
    }

    private static List<Problem> renderProblems(ObjectNode cr, RenderPass.Plan plan) {
        List<Problem> problems = new ArrayList<>();
        for (RenderError error : plan.result().errors()) {
            problems.add(new Problem(Problem.RENDER_FAILED, error.format()));
            LOG.warn("Render failed semanticrouter={}/{}: {}", cr.path("metadata").path("namespace").asText(),
                    cr.path("metadata").path("name").asText(), error.format());
        }
        return problems;
    }

    /**
     * The templates not rolled out because the router would refuse their config: what runs keeps
     * running (neither applied nor pruned), and the problem is reported.
     */
    private static Set<String> heldBack(ObjectNode cr, RenderPass.Plan plan, List<Problem> problems) {
        RouterConfig router = plan.environment().router();
        if (!router.refused()) {
            return Set.of();
        }
        String message = "config.yaml not rolled out, the router would refuse it: "
                + String.join("; ", router.findings().refusals());
        problems.add(new Problem(Problem.ROUTER_CONFIG_INVALID, message));
        LOG.warn("Router config refused semanticrouter={}/{}: {}", cr.path("metadata").path("namespace").asText(),
                cr.path("metadata").path("name").asText(), message);
        return RouterConfig.ROLLOUT_TEMPLATES;
    }

    private static List<Problem> applyProblems(ApplyOutcome outcome) {
        List<Problem> problems = new ArrayList<>();
        outcome.applyFailures().forEach(m -> problems.add(new Problem(Problem.APPLY_FAILED, "Failed to apply " + m)));
        outcome.pruneFailures().forEach(m -> problems.add(new Problem(Problem.PRUNE_FAILED, "Failed to delete " + m)));
        if (!outcome.unservedKinds().isEmpty()) {
            problems.add(new Problem(Problem.API_NOT_INSTALLED, "The API server does not serve "
                    + outcome.unservedKinds().stream().map(Kind::toString).collect(Collectors.joining(", "))
                    + "; those objects are applied once the API is installed"));
        }
        return problems;
    }

    private boolean writeStatus(ObjectNode cr, RenderPass.Plan plan, ApplyOutcome outcome, List<Problem> problems) {
        boolean routeRendered = plan.intents().stream()
                .anyMatch(i -> ObjectKey.of(i.object()).type().equals(Kind.ROUTE));
        StatusInputs inputs = new StatusInputs(cr, plan.environment(), outcome.first(Kind.DEPLOYMENT),
                outcome.first(Kind.ROUTE), routeRendered, problems, plan.result().compositeStatusPatch(),
                plan.readiness(outcome.live()));
        ObjectNode status = statusComputation.compute(inputs);
        conditionEvents.announce(cr, status);
        Optional<ObjectNode> patch = StatusPatch.between(cr.path("status"), status);
        if (patch.isEmpty()) {
            return false;
        }
        try {
            writer.patchStatus(ObjectKey.of(cr), patch.get());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Status update failed semanticrouter={}: {}", ObjectKey.of(cr), e.getMessage());
            return false;
        }
    }
}
