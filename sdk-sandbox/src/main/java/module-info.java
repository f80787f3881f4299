/**
 * The in-memory Humanitec Event API: {@link org.openhumanitec.events.sandbox.HumanitecSandbox}, for samples, local
 * runs and users' own tests.
 */
module org.openhumanitec.events.sandbox {
    // HumanitecSandbox is a HumanitecEventApi.
    requires transitive org.openhumanitec.events.api;

    exports org.openhumanitec.events.sandbox;
}
