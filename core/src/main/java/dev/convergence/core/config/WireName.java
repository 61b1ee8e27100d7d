package dev.convergence.core.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant's name in configuration and messages ({@code professional}, {@code
 * storage-notification}), and the one way to look constants up by it.
 */
public interface WireName {

  String wireName();

  /** The constant of {@code type} named {@code name}, if any. */
  static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.wireName().equals(name))
        .findFirst();
  }

  /**
   * The constant of {@code type} named {@code name}; otherwise an {@link IllegalArgumentException}
   * saying {@code unknown <what> '<name>'; expected one of <names>}.
   */
  static <E extends Enum<E> & WireName> E parse(Class<E> type, String name, String what) {
    return find(type, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown " + what + " '" + name + "'; expected one of " + list(type)));
  }

  /** Every wire name of {@code type}, in declaration order, comma-separated. */
  static <E extends Enum<E> & WireName> String list(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireName::wireName)
        .collect(Collectors.joining(", "));
  }
}
