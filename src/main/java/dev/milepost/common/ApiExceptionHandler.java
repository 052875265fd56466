package dev.milepost.common;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where refusals become problem+json: domain refusals keep their status and
 * message, framework errors are translated into messages a person can act on, and anything
 * unexpected is logged and answered with a 500 that leaks nothing.
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(MilepostException.class)
	ResponseEntity<ProblemDetail> refused(MilepostException e) {
		return ResponseEntity.status(e.status()).body(Problems.of(e));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return refused(new NotFoundException("Nothing exists at this address: '" + e.getValue()
					+ "' is not a valid " + e.getName() + "."));
		}
		return refused(invalidParameter(e));
	}

	/** A query or form parameter that cannot be read as its type, named with what is expected. */
	static BadRequestException invalidParameter(MethodArgumentTypeMismatchException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnsupportedValueException unsupported) {
				return new BadRequestException(e.getName(), "'" + e.getName() + "' " + unsupported.reason() + ".");
			}
		}
		String expected = e.getRequiredType() == null ? "" : "; expected " + JsonProblems.describe(e.getRequiredType());
		return new BadRequestException(e.getName(),
				"'" + e.getName() + "' has an invalid value '" + e.getValue() + "'" + expected + ".");
	}

	/**
	 * Tomcat decodes query and form parameters only when first asked for one, and throws if they
	 * are not %-escaped UTF-8 (a bare '%' in a form body, say): the client's mistake, not ours.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
		return refused(new BadRequestException("The query string or form body cannot be decoded; send UTF-8 text "
				+ "and write '%' as %25. An API body should be JSON with Content-Type: application/json.", List.of()));
	}

	/** A binding error's message: why a value was refused where it was, else the constraint's message. */
	static String messageOf(org.springframework.validation.FieldError error) {
		if (error.contains(Throwable.class)) {
			for (Throwable cause = error.unwrap(Throwable.class); cause != null; cause = cause.getCause()) {
				if (cause instanceof UnsupportedValueException unsupported) {
					return unsupported.reason();
				}
			}
		}
		return error.getDefaultMessage();
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
		return refused(new PreconditionFailedException(
				"Someone changed this resource at the same time; read it again and reapply your change."));
	}

	/**
	 * The database refused a write. Only a unique key is "a duplicate"; a value the database cannot
	 * hold (SQLSTATE class 22) is the request's fault, whatever Spring files it under.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
		log.info("Refused a change that the database refused: {}", e.getMostSpecificCause().getMessage());
		return refused(DatabaseRefusals.of(e));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return refused(new ForbiddenException("You are not allowed to do this."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected error", e);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
					"Something went wrong on our side; the error has been logged.", List.of()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MilepostException problem = translate(e);
		return ResponseEntity.status(problem.status()).body(Problems.of(problem));
	}

	/** A blank id in the path, like {@code /tasks/%20}, names nothing: 404, as a malformed id does. */
	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!e.isMissingAfterConversion()) {
			return super.handleMissingPathVariable(e, headers, status, request);
		}
		MilepostException problem = new NotFoundException(
				"Nothing exists at this address: its " + e.getVariableName() + " is blank.");
		return ResponseEntity.status(problem.status()).body(Problems.of(problem));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), messageOf(error)))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		String detail = "Some fields are invalid: " + String.join("; ",
				errors.stream().map(error -> error.field() + " " + error.message()).toList());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", detail, errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = e.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
			.toList();
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Problems.of(HttpStatus.BAD_REQUEST, "Bad request", "Some parameters are invalid.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body == null) {
			body = Problems.of(status, HttpStatus.valueOf(status.value()).getReasonPhrase(), e.getMessage(), List.of());
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	private static MilepostException translate(HttpMessageNotReadableException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof MilepostException milepost) {
				return milepost;
			}
			if (cause instanceof JacksonException jackson) {
				MilepostException nested = findMilepost(jackson);
				return nested != null ? nested : JsonProblems.toProblem(jackson);
			}
		}
		return new BadRequestException("body", "The request body is missing or unreadable; send a JSON object.");
	}

	private static MilepostException findMilepost(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof MilepostException milepost) {
				return milepost;
			}
		}
		return null;
	}

}
