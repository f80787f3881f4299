/**
 * The one unchecked exception hierarchy every implementation of the API throws.
 *
 * <pre>
 * HumanitecException
 * ├── HumanitecApiException            the API answered with an error status
 * │   ├── BadRequestException          400
 * │   ├── UnauthorizedException        401
 * │   ├── ForbiddenException           403
 * │   ├── NotFoundException            404
 * │   ├── ConflictException            409
 * │   ├── UnprocessableEntityException 422
 * │   ├── RateLimitException           429
 * │   ├── ServerErrorException         5xx
 * │   └── UnexpectedStatusException    any other status
 * ├── NetworkException                 no answer: connection refused or reset, I/O failure
 * │   └── NetworkTimeoutException      no answer in time
 * └── InvalidResponseException         an answer that cannot be read as the API's schema
 * </pre>
 *
 * <p>{@link org.openhumanitec.events.api.errors.HumanitecApiException#of HumanitecApiException.of} is the one
 * mapping from status to class. Messages never contain a token.
 */
package org.openhumanitec.events.api.errors;
