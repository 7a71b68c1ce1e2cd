package dev.packets.codegen;

/**
 * Every error the processor reports on a user's record, each with a stable tag printed ahead of its message
 * ({@code [packets:not-a-record] @Packet applies to records; Move is a class}), so that a build log, a search or a
 * suppression can name it. One test each in {@code ProcessorErrorsTest}, on the line at fault.
 */
enum ErrorCode {
  // analysis: shapes the processor cannot read
  NOT_A_RECORD("not-a-record", "@Packet applies to records; %s is %s"),
  RECURSIVE("recursive", "%s contains itself (%s); schemapack has no recursive types"),
  PACKED_WITH_WIRE_TYPE("packed-with-wire-type", "'%s' is @Packed; it cannot also have a wire type"),
  NOT_PACKABLE("not-packable", "@Packed needs a JSON-like component: Object, Map<String, Object>, List<Object>, "
      + "String, Number, Boolean or byte[]; '%s' is %s"),
  TWO_WIRE_TYPES("two-wire-types", "'%s' has %d wire types (%s); choose one"),
  NO_WIRE_TYPE("no-wire-type", "%s, which has no wire type; use boolean, byte, short, char, int, long, float, double "
      + "(or their boxes), String, byte[], an enum, a record, a List or Map of these, Optional, or @Packed"),
  CHOOSE_WIRE_TYPE("choose-wire-type", "%s: choose its wire type with %s"),
  WRONG_CARRIER("wrong-carrier", "@%s needs a %s %s; %s"),
  WIRE_TYPE_ON_RECORD("wire-type-on-record", "@%s needs a scalar; %s"),
  WIRE_TYPE_ON_LIST("wire-type-on-list", "@%s on a List; put it on the item type: List<@%s %s>"),
  RAW_LIST("raw-list", "'%s' is a raw or wildcard List; give its item type, e.g. List<Integer>"),
  WIRE_TYPE_ON_OPTIONAL("wire-type-on-optional", "@%s on an Optional; put it on the value type: Optional<@%s %s>"),
  RAW_OPTIONAL("raw-optional", "'%s' is a raw or wildcard Optional; give its value type, e.g. Optional<String>"),
  NULLABLE_PRIMITIVE("nullable-primitive", "'%s' is @Nullable, but %s cannot be null; use %s"),
  NULLABLE_ITEM("nullable-item", "@Nullable on a %s of '%s'; only a record component can be absent"),
  OPTIONAL_ITEM("optional-item", "'%s' has an Optional as its %s; only a record component can be absent"),
  BY_NAME_NOT_ENUM("by-name-not-enum", "@ByName applies to enums; %s"),
  BY_NAME_WITH_WIRE_TYPE("by-name-with-wire-type", "'%s' is @ByName; it cannot also have a wire type"),
  ENUM_WIRE_TYPE("enum-wire-type", "@%s on an enum; %s travels by ordinal as @UInt8 or @VarUint, or by name with "
      + "@ByName"),
  RAW_MAP("raw-map", "'%s' is a raw or wildcard Map; give its key and value types, e.g. Map<String, Integer>"),
  WIRE_TYPE_ON_MAP("wire-type-on-map", "@%s on a Map; put it on the key or value type: Map<%s, @%s %s>"),
  // validation: rules on a model that was read
  PACKET_ID("packet-id", "@Packet(id = %d): a pinned id is 1..65535 (0, the default, numbers the packet by name)"),
  GENERIC_RECORD("generic-record", "@Packet records cannot be generic; %s has type parameters"),
  PRIVATE_TYPE("private-type", "%s must not be private%s: its codec is generated beside it"),
  EMPTY_NAME("empty-name", "@Name needs a non-empty wire name"),
  NAME_CHARACTERS("name-characters", "@Name(\"%s\"): schemapack cannot build a field whose name holds ' or \\"),
  DUPLICATE_WIRE_NAME("duplicate-wire-name", "wire name '%s' is used by both '%s' and '%s'"),
  ENUM_TOO_LARGE("enum-too-large", "@UInt8 holds 256 ordinals; %s has %d constants: use @VarUint or @ByName"),
  MAP_KEY("map-key", "'%s' has %s as its map key; a key is a String, an integer, a Boolean or an enum"),
  // across records
  DUPLICATE_PACKET_NAME("duplicate-packet-name", "duplicate packet name '%s': %s has it too; give one of them another "
      + "name with @Packet(\"…\")");

  /** The stable tag, printed as {@code [packets:<tag>]}. */
  final String tag;
  private final String format;

  ErrorCode(String tag, String format) {
    this.tag = tag;
    this.format = format;
  }

  /** The message with its tag: {@code [packets:<tag>] <message>}. */
  String message(Object... args) {
    return "[packets:" + tag + "] " + String.format(format, args);
  }
}
