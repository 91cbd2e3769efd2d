package cn.ipf.batch.simulation;

import java.util.Map;
import java.util.Optional;

/**
 * What the what-if-simulation job asks of the simulation feature, implemented by the app so that the parameters, the
 * calculators and the report schema stay with it.
 */
public interface WhatIfSimulations {

    /** Refuses a simulation that does not exist or has already completed (IllegalArgumentException saying why). */
    void check(long simulationId);

    /**
     * The parameters of the simulation's interest-subsidy dry run, with the parameters in force or with the
     * alternative ones; empty when the simulation has no subsidy part.
     */
    Optional<Map<String, String>> subsidyDryRun(long simulationId, boolean alternative);

    /** Recomputes the compensation part, if any, and stores its report lines (in the caller's transaction). */
    void compensation(long simulationId);

    /**
     * Stores the subsidy report lines from the two dry runs (their job instances, null without a subsidy part) and
     * marks the simulation completed (in the caller's transaction).
     */
    void complete(long simulationId, Long baselineJobInstanceId, Long alternativeJobInstanceId);

    /** Marks the simulation failed, saying why; a restart of the job that completes clears it. */
    void fail(long simulationId, String reason);
}
