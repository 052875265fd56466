package dev.milepost.common;

import java.util.List;

/** A validated page request: page from 0, size 1..{@value #MAX_SIZE}. */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public Paging {
		if (page < 0) {
			throw new BadRequestException("page", "page must be 0 or more (the first page is 0).");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadRequestException("size", "size must be between 1 and " + MAX_SIZE + ".");
		}
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) page * size;
	}

	/** Cuts one page out of an in-memory list. */
	public <T> List<T> slice(List<T> all) {
		int from = (int) Math.min(offset(), all.size());
		int to = Math.min(from + size, all.size());
		return all.subList(from, to);
	}

}
