package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.core.Digests;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;

/**
 * Where the monitoring of each watched resource lives, so any workload fits CloudFormation's limits
 * (500 resources, 1 MB per template) and an upgrade never moves an alarm or log group.
 *
 * <p>Each watched resource (an ECS service, load balancer, database or cache) gets a nested stack
 * of its own, named for it ({@code Service-api}, {@code Database-db-main}): its size is bounded by the
 * alarm catalogue, not by the workload. These unit stacks sit in one of {@value #GROUPS} group nested
 * stacks ({@code Group1} ... ) chosen by a hash of the unit's name alone, so the parent holds at most
 * {@value #GROUPS} of them however large the workload grows, and adding, removing or reordering other
 * resources never changes which stack a resource's alarms are in. {@code GROUPS} is therefore fixed
 * forever: changing it would move units between group stacks, which replaces their resources.
 */
public final class MonitoringLayout {

    /** Group stacks under the monitoring stack. Fixed: see the class comment. */
    public static final int GROUPS = 4;
    /**
     * Unit stacks a group may hold: CloudFormation's 500 resources per template, less room for the
     * group's own parameters. Four groups hold about 1,800 watched resources.
     */
    public static final int MAX_UNITS_PER_GROUP = 450;

    private final Stack parent;
    private final Map<Integer, NestedStack> groups = new TreeMap<>();
    private final Map<Integer, Integer> units = new TreeMap<>();

    public MonitoringLayout(Stack parent) {
        this.parent = parent;
    }

    /**
     * The nested stack of one watched resource, created in its group.
     *
     * @param unitId construct id, unique in the environment, e.g. {@code Service-api}
     * @param description what the stack watches, for the CloudFormation console
     */
    public NestedStack unit(String unitId, String description) {
        int group = groupOf(unitId);
        int count = units.merge(group, 1, Integer::sum);
        if (count > MAX_UNITS_PER_GROUP) {
            throw new IllegalArgumentException("monitoring group " + group + " would hold more than "
                    + MAX_UNITS_PER_GROUP + " watched resources (CloudFormation allows 500 resources per stack);"
                    + " " + unitId + " is one too many: split the environment");
        }
        NestedStack home = groups.computeIfAbsent(group, g -> NestedStack.Builder.create(parent, "Group" + g)
                .description("Monitoring group " + g + " of " + GROUPS + " (ops-baseline)").build());
        return NestedStack.Builder.create(home, unitId).description(description).build();
    }

    /** The group stacks created so far, by number. */
    public Map<Integer, NestedStack> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    /**
     * The group (1 to {@value #GROUPS}) of a unit: the first four bytes of the SHA-256 of its id, modulo
     * {@value #GROUPS}. A function of the id alone, the same on every JVM and every run.
     */
    public static int groupOf(String unitId) {
        byte[] digest = Digests.sha256(unitId);
        long head = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return (int) (head % GROUPS) + 1;
    }
}
