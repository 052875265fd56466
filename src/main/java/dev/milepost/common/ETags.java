package dev.milepost.common;

/**
 * Strong ETags derived from an aggregate's version, and the If-Match check that every update
 * must pass: missing is 428, stale is 412.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Returns the version named by the If-Match header, after checking it is the current one.
	 */
	public static long requireCurrent(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequiredException(
					"Send the If-Match header with the ETag from your last read, so a concurrent change is not overwritten.");
		}
		String tag = ifMatch.trim();
		if (tag.equals("*")) {
			throw new PreconditionRequiredException("If-Match: * is not accepted; send the ETag from your last read.");
		}
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (!tag.equals(of(currentVersion))) {
			throw new PreconditionFailedException("The resource changed since you read it (your ETag " + ifMatch.trim()
					+ ", current " + of(currentVersion) + "); read it again and reapply your change.");
		}
		return currentVersion;
	}

}
