package org.egovsuite.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over a source read one element ahead: {@link #computeNext()} returns the next element
 * or null at the end. Written here rather than taken from Guava because Spark's own Guava is an
 * old, unshaded copy that user code should not depend on.
 */
abstract class PrefetchIterator<T> implements Iterator<T> {
  private T next;
  private boolean started;

  /** The next element, or null when there is none. */
  protected abstract T computeNext();

  @Override
  public boolean hasNext() {
    if (!started) {
      next = computeNext();
      started = true;
    }
    return next != null;
  }

  /** The next element without taking it, or null at the end. */
  T peek() {
    return hasNext() ? next : null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = computeNext();
    return out;
  }
}
