package org.openhumanitec.events.sandbox;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.testkit.HumanitecEventApiContract;

// docs/sandbox.md quotes this class: keep the two in step.
class HumanitecSandboxContractTest extends HumanitecEventApiContract {

    private final HumanitecSandbox sandbox = HumanitecSandbox.create();

    @Override
    protected HumanitecEventApi api() {
        return sandbox;
    }
}
