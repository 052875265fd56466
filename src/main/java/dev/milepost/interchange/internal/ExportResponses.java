package dev.milepost.interchange.internal;

import java.io.IOException;

import dev.milepost.interchange.PlanExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * An export as a download, the same from the API and from the pages: the headers, then the file
 * streamed into the response (a 50,000-task MS Project file is over 100 MB; it is never held whole).
 */
final class ExportResponses {

	private ExportResponses() {
	}

	static void download(PlanExports.PlanExport export, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(export.mediaType());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.filename()).build().toString());
		export.content().writeTo(response.getOutputStream());
		response.flushBuffer();
	}

}
