/**
 * The behaviour suite every implementation of the Humanitec Event API passes:
 * {@link org.openhumanitec.events.testkit.HumanitecEventApiContract}, an abstract JUnit 5 class.
 */
module org.openhumanitec.events.testkit {
    // The suite's one abstract method returns the implementation under test.
    requires transitive org.openhumanitec.events.api;
    // The suite's methods carry JUnit's annotations, and what extends it is a JUnit test.
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.assertj.core;

    exports org.openhumanitec.events.testkit;

    // JUnit runs the suite's protected lifecycle method and calls its package-private argument factories by reflection.
    opens org.openhumanitec.events.testkit to
            org.junit.platform.commons;
}
