/**
 * The implementation behind {@link org.openhumanitec.events.feign.HumanitecClient}: the Feign resource interface,
 * the JSON codec and error decoder, the path-segment encoder, the retry layer, the redacting logger and the
 * transport factories. Not an API: anything here may change in any release.
 */
package org.openhumanitec.events.feign.internal;
