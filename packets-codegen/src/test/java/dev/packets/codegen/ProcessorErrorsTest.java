package dev.packets.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per processor error: each message with its tag, on the line of the component or annotation at fault; and
 * a test that every code of the catalogue has its test here.
 */
class ProcessorErrorsTest {

  private static final String IMPORTS = "package test;\n"
      + "import dev.packets.*;\n"
      + "import java.util.*;\n";

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, IMPORTS + body);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new PacketProcessor()).compile(sources);
  }

  /** The record in {@code body} fails to compile with {@code code}'s tag and {@code message}, on {@code line}. */
  private static void fails(ErrorCode code, String body, String message, String line) {
    JavaFileObject file = source(firstTypeName(body), body);
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[packets:" + code.tag + "] " + message).inFile(file)
        .onLineContaining(line);
  }

  private static String firstTypeName(String body) {
    java.util.regex.Matcher m = Pattern.compile("(?:record|class|interface|enum) (\\w+)").matcher(body);
    m.find();
    return m.group(1);
  }

  @Test
  void validRecordCompilesWithoutWarnings() {
    Compilation compilation = compile(source("Move", "@Packet record Move(@VarUint int entity, float x, String name) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Move_PacketCodec");
  }

  @Test
  void packetOnAClass() {
    fails(ErrorCode.NOT_A_RECORD, "@Packet\nclass Move {}", "@Packet applies to records; Move is a class", "@Packet");
  }

  @Test
  void packetOnAnInterface() {
    fails(ErrorCode.NOT_A_RECORD, "@Packet\ninterface Move {}",
        "@Packet applies to records; Move is an interface", "@Packet");
  }

  @Test
  void unsupportedType() {
    fails(ErrorCode.NO_WIRE_TYPE, "@Packet record Event(\n java.util.Date when) {}",
        "'when' is a Date, which has no wire type; use boolean, byte, short, char, int, long, float, double", "Date when");
  }

  @Test
  void annotationOnTheWrongJavaType() {
    fails(ErrorCode.WRONG_CARRIER, "@Packet record Hello(\n @Int8 String name) {}",
        "@Int8 needs a byte, short or int component; 'name' is a String",
        "@Int8 String name");
  }

  @Test
  void uint32OnAnInt() {
    fails(ErrorCode.WRONG_CARRIER, "@Packet record Count(\n @UInt32 int n) {}",
        "@UInt32 needs a long component; 'n' is an int", "@UInt32 int n");
  }

  @Test
  void uint16OnALong() {
    fails(ErrorCode.WRONG_CARRIER, "@Packet record Port(\n @UInt16 long port) {}",
        "@UInt16 needs a char or int component; 'port' is a long",
        "@UInt16 long port");
  }

  @Test
  void wrongAnnotationOnAListItem() {
    fails(ErrorCode.WRONG_CARRIER, "@Packet record Tags(\n List<@UInt8 String> tags) {}",
        "@UInt8 needs a Short or Integer list item; 'tags' holds String", "List<@UInt8 String> tags");
  }

  @Test
  void wireTypeOnAList() {
    fails(ErrorCode.WIRE_TYPE_ON_LIST, "@Packet record Path(\n @Int16 List<Integer> steps) {}",
        "@Int16 on a List; put it on the item type: List<@Int16 Integer>", "@Int16 List<Integer> steps");
  }

  @Test
  void wireTypeOnARecord() {
    fails(ErrorCode.WIRE_TYPE_ON_RECORD, "record Vec(float x, float y) {}\n@Packet record Ship(\n @Int8 Vec at) {}",
        "@Int8 needs a scalar; 'at' is a Vec",
        "@Int8 Vec at");
  }

  @Test
  void twoWireTypes() {
    fails(ErrorCode.TWO_WIRE_TYPES, "@Packet record Level(\n @Int8 @Int16 int level) {}",
        "'level' has 2 wire types (@Int8, @Int16); choose one",
        "@Int8 @Int16 int level");
  }

  @Test
  void longNeedsAWireType() {
    fails(ErrorCode.CHOOSE_WIRE_TYPE, "@Packet record Account(\n long id) {}",
        "'id' is a long: choose its wire type with @Int64, @UInt64, @VarInt64, @VarUint64, @UInt32, @VarUint or @VarInt", "long id");
  }

  @Test
  void charNeedsAWireType() {
    fails(ErrorCode.CHOOSE_WIRE_TYPE, "@Packet record Key(\n char key) {}",
        "'key' is a char: choose its wire type with @UInt16", "char key");
  }

  @Test
  void unsupportedListItem() {
    fails(ErrorCode.NO_WIRE_TYPE, "@Packet record Bag(\n List<Object> things) {}",
        "'things' is a List of Object, which has no wire type",
        "List<Object> things");
  }

  @Test
  void rawList() {
    fails(ErrorCode.RAW_LIST, "@Packet record Bag(\n List<?> things) {}",
        "'things' is a raw or wildcard List; give its item type",
        "List<?> things");
  }

  @Test
  void recordThatContainsItself() {
    fails(ErrorCode.RECURSIVE, "@Packet record Node(int value,\n List<Node> children) {}",
        "Node contains itself (Node → Node); schemapack has no recursive types", "List<Node> children");
  }

  @Test
  void recordThatContainsItselfThroughAnother() {
    fails(ErrorCode.RECURSIVE, "record Leaf(\n Tree tree) {}\n@Packet record Tree(Leaf leaf) {}",
        "Tree contains itself (Tree → Leaf → Tree); schemapack has no recursive types", "Tree tree");
  }

  @Test
  void duplicatePacketNames() {
    JavaFileObject a = source("A", "@Packet(\"Move\") record A(int x) {}");
    JavaFileObject b = source("B", "@Packet(\"Move\")\nrecord B(int y) {}");
    Compilation compilation = compile(a, b);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[packets:" + ErrorCode.DUPLICATE_PACKET_NAME.tag
        + "] duplicate packet name 'Move': test.A has it too").inFile(b)
        .onLineContaining("@Packet(\"Move\")");
  }

  @Test
  void duplicateWireNames() {
    fails(ErrorCode.DUPLICATE_WIRE_NAME, "@Packet record Pair(int x,\n @Name(\"x\") int y) {}",
        "wire name 'x' is used by both 'x' and 'y'",
        "@Name(\"x\") int y");
  }

  @Test
  void emptyWireName() {
    fails(ErrorCode.EMPTY_NAME, "@Packet record Blank(\n @Name(\"\") int x) {}",
        "@Name needs a non-empty wire name", "@Name(\"\") int x");
  }

  @Test
  void wireNameThatSchemapackCannotBuild() {
    fails(ErrorCode.NAME_CHARACTERS, "@Packet record Quote(\n @Name(\"it's\") int x) {}",
        "@Name(\"it's\"): schemapack cannot build a field whose name holds ' or \\", "@Name(\"it's\") int x");
  }

  @Test
  void privateRecord() {
    fails(ErrorCode.PRIVATE_TYPE, "class Outer {\n @Packet\n private record Secret(int x) {}\n}",
        "Secret must not be private", "@Packet");
  }

  @Test
  void pinnedIdOutOfRange() {
    fails(ErrorCode.PACKET_ID, "@Packet(id = 70000)\nrecord Far(int x) {}",
        "@Packet(id = 70000): a pinned id is 1..65535 (0, the default, numbers the packet by name)", "@Packet");
  }

  @Test
  void genericRecord() {
    fails(ErrorCode.GENERIC_RECORD, "@Packet\nrecord Box<T>(int x) {}",
        "@Packet records cannot be generic; Box has type parameters", "@Packet");
  }

  @Test
  void packedNeedsAJsonLikeType() {
    fails(ErrorCode.NOT_PACKABLE, "@Packet record Meta(\n @Packed Map<String, Integer> meta) {}",
        "@Packed needs a JSON-like component: Object, Map<String, Object>, List<Object>, String, Number, Boolean or byte[]; "
            + "'meta' is a Map<String, Integer>",
        "@Packed Map<String, Integer> meta");
  }

  @Test
  void freeFormComponentsNeedTheRecordPackedWholeOrTheirOwnPacked() {
    fails(ErrorCode.NO_WIRE_TYPE, "@Packet record Loose(\n Map<String, Object> extra) {}",
        "'extra' has an Object as its map value, which has "
        + "no wire type; use boolean, byte, short, char, int, long, float, double (or their boxes), String, byte[], an "
        + "enum, a record, a List or Map of these, Optional, or @Packed", "Map<String, Object> extra");
  }

  @Test
  void packedWithAWireType() {
    fails(ErrorCode.PACKED_WITH_WIRE_TYPE, "@Packet record Meta(\n @Packed @Int8 Object meta) {}",
        "'meta' is @Packed; it cannot also have a wire type",
        "@Packed @Int8 Object meta");
  }

  @Test
  void errorsInOneRecordDoNotStopTheOthers() {
    JavaFileObject bad = source("Bad", "@Packet record Bad(\n long id) {}");
    JavaFileObject good = source("Good", "@Packet record Good(int id) {}");
    JavaFileObject worse = source("Worse", "@Packet record Worse(\n char key) {}");
    Compilation compilation = compile(bad, good, worse);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("'id' is a long").inFile(bad).onLineContaining("long id");
    assertThat(compilation).hadErrorContaining("'key' is a char").inFile(worse).onLineContaining("char key");
  }

  private static final String NULLABLE = "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE) "
      + "@interface Nullable {}\n";

  @Test
  void anyNullableByItsSimpleNameMakesAComponentOptional() {
    // a declaration annotation without @Target (javax's, JetBrains' style) and a type-use one (JSpecify's style)
    JavaFileObject javax = JavaFileObjects.forSourceString("javax.annotation.Nullable",
        "package javax.annotation; public @interface Nullable {}");
    JavaFileObject jspecify = JavaFileObjects.forSourceString("org.jspecify.annotations.Nullable",
        "package org.jspecify.annotations; @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE) "
            + "public @interface Nullable {}");
    Compilation compilation = compile(javax, jspecify, source("Opt", "@Packet record Opt(@javax.annotation.Nullable "
        + "String a, @org.jspecify.annotations.Nullable String b, Optional<Integer> c) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Opt_PacketCodec").contentsAsUtf8String()
        .contains("Schemas.optional(\"string\")");
  }

  @Test
  void wireTypeOnAnOptional() {
    fails(ErrorCode.WIRE_TYPE_ON_OPTIONAL, "@Packet record Account(\n @Int64 Optional<Long> id) {}",
        "@Int64 on an Optional; put it on the value type: Optional<@Int64 Long>", "@Int64 Optional<Long> id");
  }

  @Test
  void rawOptional() {
    fails(ErrorCode.RAW_OPTIONAL, "@Packet record Maybe(\n Optional<?> value) {}",
        "'value' is a raw or wildcard Optional; give its value type, e.g. Optional<String>", "Optional<?> value");
  }

  @Test
  void nullablePrimitive() {
    fails(ErrorCode.NULLABLE_PRIMITIVE, NULLABLE + "@Packet record Score(\n @Nullable int points) {}",
        "'points' is @Nullable, but an int cannot be null; use Integer", "@Nullable int points");
  }

  @Test
  void nullableListItem() {
    fails(ErrorCode.NULLABLE_ITEM, NULLABLE + "@Packet record Names(\n List<@Nullable String> names) {}",
        "@Nullable on a list item of 'names'; only a record component can be absent", "List<@Nullable String> names");
  }

  @Test
  void optionalListItem() {
    fails(ErrorCode.OPTIONAL_ITEM, "@Packet record Names(\n List<Optional<String>> names) {}",
        "'names' has an Optional as its list item; only a record component can be absent", "List<Optional<String>> names");
  }

  @Test
  void byNameOnAString() {
    fails(ErrorCode.BY_NAME_NOT_ENUM, "@Packet record Label(\n @ByName String text) {}",
        "@ByName applies to enums; 'text' is a String",
        "@ByName String text");
  }

  @Test
  void byNameWithAWireType() {
    fails(ErrorCode.BY_NAME_WITH_WIRE_TYPE, "enum Kind { A, B }\n@Packet record Order(\n @ByName @VarUint Kind kind) {}",
        "'kind' is @ByName; it cannot also have a wire type", "@ByName @VarUint Kind kind");
  }

  @Test
  void enumWithAnotherWireType() {
    fails(ErrorCode.ENUM_WIRE_TYPE, "enum Kind { A, B }\n@Packet record Order(\n @Int16 Kind kind) {}",
        "@Int16 on an enum; Kind travels by ordinal as @UInt8 or @VarUint, or by name with @ByName", "@Int16 Kind kind");
  }

  @Test
  void enumTooLargeForUInt8() {
    StringBuilder constants = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      constants.append(i == 0 ? "" : ", ").append("C").append(i);
    }
    fails(ErrorCode.ENUM_TOO_LARGE, "enum Big { " + constants + " }\n@Packet record Pick(\n @UInt8 Big big) {}",
        "@UInt8 holds 256 ordinals; Big has 300 constants: use @VarUint or @ByName", "@UInt8 Big big");
    Compilation defaulted = compile(source("Pick", "enum Big { " + constants + " }\n@Packet record Pick(Big big) {}"));
    assertThat(defaulted).succeeded();
    assertThat(defaulted).generatedSourceFile("test.Pick_PacketCodec").contentsAsUtf8String()
        .contains("Schemas.enumeration(\"varuint\"");
  }

  @Test
  void rawMap() {
    fails(ErrorCode.RAW_MAP, "@Packet record Bag(\n Map<String, ?> things) {}",
        "'things' is a raw or wildcard Map; give its key and value types, e.g. Map<String, Integer>",
        "Map<String, ?> things");
  }

  @Test
  void wireTypeOnAMap() {
    fails(ErrorCode.WIRE_TYPE_ON_MAP, "@Packet record Bag(\n @UInt8 Map<String, Integer> counts) {}",
        "@UInt8 on a Map; put it on the key or value type: Map<String, @UInt8 Integer>",
        "@UInt8 Map<String, Integer> counts");
  }

  @Test
  void mapKeyThatIsNoScalar() {
    fails(ErrorCode.MAP_KEY, "@Packet record Heat(\n Map<Double, String> spots) {}",
        "'spots' has a Double as its map key; a key is a String, an integer, a Boolean or an enum",
        "Map<Double, String> spots");
  }

  @Test
  void anErrorGoesOnTheAnnotationAtFaultWhereTheSourceHasIt() {
    JavaFileObject file = source("Hello", "@Packet record Hello(int a,\n    @Int8 String name, @Packed @Int8 Object meta, "
        + "@ByName String s) {}");
    Compilation compilation = compile(file);
    // type-use annotations (the wire types, @ByName) are underlined themselves; @Packed, a record component's own
    // annotation that javac keeps no tree of, leaves the error on its component's line
    assertThat(compilation).hadErrorContaining("[packets:wrong-carrier]").inFile(file).onLine(5).atColumn(5);
    assertThat(compilation).hadErrorContaining("[packets:by-name-not-enum]").inFile(file).onLine(5).atColumn(51);
    assertThat(compilation).hadErrorContaining("[packets:packed-with-wire-type]").inFile(file).onLine(5);
  }

  @Test
  void everyErrorCodeHasItsTestHere() throws Exception {
    String tests = Files.readString(Path.of("src/test/java/dev/packets/codegen/ProcessorErrorsTest.java"));
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(Pattern.compile("ErrorCode\\." + code.name() + "\\b").matcher(tests).find(),
          code + " has no test in ProcessorErrorsTest");
    }
  }

  @Test
  void everyTagIsUniqueAndStable() {
    Set<String> tags = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertTrue(code.tag.matches("[a-z0-9-]+") && tags.add(code.tag), code.tag);
    }
  }
}
