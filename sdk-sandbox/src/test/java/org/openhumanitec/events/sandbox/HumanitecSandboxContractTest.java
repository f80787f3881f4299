package org.openhumanitec.events.sandbox;

import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.testkit.HumanitecEventApiContract;

// BEGIN contract test (docs/sandbox.md)
class HumanitecSandboxContractTest extends HumanitecEventApiContract {

    private final HumanitecSandbox sandbox = HumanitecSandbox.create();

    @Override
    protected HumanitecEventApi api() {
        return sandbox;
    }
}
// END
