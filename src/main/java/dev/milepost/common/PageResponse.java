package dev.milepost.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the rest. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> PageResponse<T> of(List<T> items, Paging paging, long totalItems) {
		int pages = (int) ((totalItems + paging.size() - 1) / paging.size());
		return new PageResponse<>(List.copyOf(items), paging.page(), paging.size(), totalItems, pages);
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
	}

}
