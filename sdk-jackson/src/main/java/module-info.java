/**
 * The Humanitec wire format as a Jackson databind module: {@link org.openhumanitec.events.jackson.HumanitecJson}
 * and {@link org.openhumanitec.events.jackson.HumanitecJacksonModule}.
 */
module org.openhumanitec.events.jackson {
    requires org.openhumanitec.events.api;
    // The API extends databind's types (SimpleModule, MismatchedInputException) and returns its ObjectMapper.
    requires transitive com.fasterxml.jackson.databind;

    exports org.openhumanitec.events.jackson;

    // The mix-ins name their package-private (de)serializers by class (@JsonSerialize(using = ...)), and databind
    // creates them through their non-public constructors.
    opens org.openhumanitec.events.jackson to
            com.fasterxml.jackson.databind;
}
