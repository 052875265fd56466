package dev.milepost.interchange.internal;

import dev.milepost.interchange.PlanExports;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export as a download, the same from the API and from the pages. */
final class ExportResponses {

	private ExportResponses() {
	}

	static ResponseEntity<byte[]> download(PlanExports.PlanExport export) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.mediaType()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.filename()).build().toString())
			.body(export.content());
	}

}
