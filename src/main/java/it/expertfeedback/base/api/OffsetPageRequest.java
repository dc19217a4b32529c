package it.expertfeedback.base.api;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A Pageable for REST limit/offset, where the offset need not be a multiple of the limit. */
public record OffsetPageRequest(long offset, int size, Sort sort) implements Pageable {

    @Override public int getPageNumber() { return (int) (offset / size); }
    @Override public int getPageSize() { return size; }
    @Override public long getOffset() { return offset; }
    @Override public Sort getSort() { return sort; }
    @Override public Pageable next() { return new OffsetPageRequest(offset + size, size, sort); }
    @Override public Pageable previousOrFirst() { return hasPrevious() ? new OffsetPageRequest(Math.max(0, offset - size), size, sort) : first(); }
    @Override public Pageable first() { return new OffsetPageRequest(0, size, sort); }
    @Override public Pageable withPage(int pageNumber) { return new OffsetPageRequest((long) pageNumber * size, size, sort); }
    @Override public boolean hasPrevious() { return offset > 0; }
}
