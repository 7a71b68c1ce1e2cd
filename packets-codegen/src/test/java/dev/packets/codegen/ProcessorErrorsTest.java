package dev.packets.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** One test per processor error: each message, on the line of the component or annotation at fault. */
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

  private static void fails(String body, String message, String line) {
    JavaFileObject file = source(firstTypeName(body), body);
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  private static String firstTypeName(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:record|class|interface|enum) (\\w+)").matcher(body);
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
    fails("@Packet\nclass Move {}", "@Packet applies to records; Move is a class", "@Packet");
  }

  @Test
  void packetOnAnInterface() {
    fails("@Packet\ninterface Move {}", "@Packet applies to records; Move is an interface", "@Packet");
  }

  @Test
  void unsupportedType() {
    fails("@Packet record Event(\n java.util.Date when) {}",
        "'when' is a Date, which has no wire type; use boolean, byte, short, char, int, long, float, double", "Date when");
  }

  @Test
  void annotationOnTheWrongJavaType() {
    fails("@Packet record Hello(\n @Int8 String name) {}", "@Int8 needs a byte, short or int component; 'name' is a String",
        "@Int8 String name");
  }

  @Test
  void uint32OnAnInt() {
    fails("@Packet record Count(\n @UInt32 int n) {}", "@UInt32 needs a long component; 'n' is an int", "@UInt32 int n");
  }

  @Test
  void uint16OnALong() {
    fails("@Packet record Port(\n @UInt16 long port) {}", "@UInt16 needs a char or int component; 'port' is a long",
        "@UInt16 long port");
  }

  @Test
  void wrongAnnotationOnAListItem() {
    fails("@Packet record Tags(\n List<@UInt8 String> tags) {}",
        "@UInt8 needs a Short or Integer list item; 'tags' holds String", "List<@UInt8 String> tags");
  }

  @Test
  void wireTypeOnAList() {
    fails("@Packet record Path(\n @Int16 List<Integer> steps) {}",
        "@Int16 on a List; put it on the item type: List<@Int16 Integer>", "@Int16 List<Integer> steps");
  }

  @Test
  void wireTypeOnARecord() {
    fails("record Vec(float x, float y) {}\n@Packet record Ship(\n @Int8 Vec at) {}", "@Int8 needs a scalar; 'at' is a Vec",
        "@Int8 Vec at");
  }

  @Test
  void twoWireTypes() {
    fails("@Packet record Level(\n @Int8 @Int16 int level) {}", "'level' has 2 wire types (@Int8, @Int16); choose one",
        "@Int8 @Int16 int level");
  }

  @Test
  void longNeedsAWireType() {
    fails("@Packet record Account(\n long id) {}",
        "'id' is a long: choose its wire type with @Int64, @UInt64, @VarInt64, @VarUint64, @UInt32, @VarUint or @VarInt", "long id");
  }

  @Test
  void charNeedsAWireType() {
    fails("@Packet record Key(\n char key) {}", "'key' is a char: choose its wire type with @UInt16", "char key");
  }

  @Test
  void unsupportedListItem() {
    fails("@Packet record Bag(\n List<Object> things) {}", "'things' is a List of Object, which has no wire type",
        "List<Object> things");
  }

  @Test
  void rawList() {
    fails("@Packet record Bag(\n List<?> things) {}", "'things' is a raw or wildcard List; give its item type",
        "List<?> things");
  }

  @Test
  void recordThatContainsItself() {
    fails("@Packet record Node(int value,\n List<Node> children) {}",
        "Node contains itself (Node → Node); schemapack has no recursive types", "List<Node> children");
  }

  @Test
  void recordThatContainsItselfThroughAnother() {
    fails("record Leaf(\n Tree tree) {}\n@Packet record Tree(Leaf leaf) {}",
        "Tree contains itself (Tree → Leaf → Tree); schemapack has no recursive types", "Tree tree");
  }

  @Test
  void duplicatePacketNames() {
    JavaFileObject a = source("A", "@Packet(\"Move\") record A(int x) {}");
    JavaFileObject b = source("B", "@Packet(\"Move\")\nrecord B(int y) {}");
    Compilation compilation = compile(a, b);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("duplicate packet name 'Move': test.A has it too").inFile(b)
        .onLineContaining("@Packet(\"Move\")");
  }

  @Test
  void duplicateWireNames() {
    fails("@Packet record Pair(int x,\n @Name(\"x\") int y) {}", "wire name 'x' is used by both 'x' and 'y'",
        "@Name(\"x\") int y");
  }

  @Test
  void emptyWireName() {
    fails("@Packet record Blank(\n @Name(\"\") int x) {}", "@Name needs a non-empty wire name", "@Name(\"\") int x");
  }

  @Test
  void wireNameThatSchemapackCannotBuild() {
    fails("@Packet record Quote(\n @Name(\"it's\") int x) {}", "schemapack cannot build a field whose name holds ' or \\",
        "@Name(\"it's\") int x");
  }

  @Test
  void privateRecord() {
    fails("class Outer {\n @Packet\n private record Secret(int x) {}\n}", "Secret must not be private", "@Packet");
  }

  @Test
  void genericRecord() {
    fails("@Packet\nrecord Box<T>(int x) {}", "@Packet records cannot be generic; Box has type parameters", "@Packet");
  }

  @Test
  void packedNeedsAJsonLikeType() {
    fails("@Packet record Meta(\n @Packed Map<String, Integer> meta) {}",
        "@Packed needs a JSON-like component: Object, Map<String, Object>, List<Object>, String, Number, Boolean or byte[]; "
            + "'meta' is a Map<String, Integer>",
        "@Packed Map<String, Integer> meta");
  }

  @Test
  void freeFormComponentsNeedTheRecordPackedWholeOrTheirOwnPacked() {
    fails("@Packet record Loose(\n Map<String, Object> extra) {}", "'extra' has an Object as its map value, which has "
        + "no wire type; use boolean, byte, short, char, int, long, float, double (or their boxes), String, byte[], an "
        + "enum, a record, a List or Map of these, Optional, or @Packed", "Map<String, Object> extra");
  }

  @Test
  void packedWithAWireType() {
    fails("@Packet record Meta(\n @Packed @Int8 Object meta) {}", "'meta' is @Packed; it cannot also have a wire type",
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
    fails("@Packet record Account(\n @Int64 Optional<Long> id) {}",
        "@Int64 on an Optional; put it on the value type: Optional<@Int64 Long>", "@Int64 Optional<Long> id");
  }

  @Test
  void rawOptional() {
    fails("@Packet record Maybe(\n Optional<?> value) {}",
        "'value' is a raw or wildcard Optional; give its value type, e.g. Optional<String>", "Optional<?> value");
  }

  @Test
  void nullablePrimitive() {
    fails(NULLABLE + "@Packet record Score(\n @Nullable int points) {}",
        "'points' is @Nullable, but an int cannot be null; use Integer", "@Nullable int points");
  }

  @Test
  void nullableListItem() {
    fails(NULLABLE + "@Packet record Names(\n List<@Nullable String> names) {}",
        "@Nullable on a list item of 'names'; only a record component can be absent", "List<@Nullable String> names");
  }

  @Test
  void optionalListItem() {
    fails("@Packet record Names(\n List<Optional<String>> names) {}",
        "'names' has an Optional as its list item; only a record component can be absent", "List<Optional<String>> names");
  }

  @Test
  void byNameOnAString() {
    fails("@Packet record Label(\n @ByName String text) {}", "@ByName applies to enums; 'text' is a String",
        "@ByName String text");
  }

  @Test
  void byNameWithAWireType() {
    fails("enum Kind { A, B }\n@Packet record Order(\n @ByName @VarUint Kind kind) {}",
        "'kind' is @ByName; it cannot also have a wire type", "@ByName @VarUint Kind kind");
  }

  @Test
  void enumWithAnotherWireType() {
    fails("enum Kind { A, B }\n@Packet record Order(\n @Int16 Kind kind) {}",
        "@Int16 on an enum; Kind travels by ordinal as @UInt8 or @VarUint, or by name with @ByName", "@Int16 Kind kind");
  }

  @Test
  void enumTooLargeForUInt8() {
    StringBuilder constants = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      constants.append(i == 0 ? "" : ", ").append("C").append(i);
    }
    fails("enum Big { " + constants + " }\n@Packet record Pick(\n @UInt8 Big big) {}",
        "@UInt8 holds 256 ordinals; Big has 300 constants: use @VarUint or @ByName", "@UInt8 Big big");
    Compilation defaulted = compile(source("Pick", "enum Big { " + constants + " }\n@Packet record Pick(Big big) {}"));
    assertThat(defaulted).succeeded();
    assertThat(defaulted).generatedSourceFile("test.Pick_PacketCodec").contentsAsUtf8String()
        .contains("Schemas.enumeration(\"varuint\"");
  }

  @Test
  void rawMap() {
    fails("@Packet record Bag(\n Map<String, ?> things) {}",
        "'things' is a raw or wildcard Map; give its key and value types, e.g. Map<String, Integer>",
        "Map<String, ?> things");
  }

  @Test
  void wireTypeOnAMap() {
    fails("@Packet record Bag(\n @UInt8 Map<String, Integer> counts) {}",
        "@UInt8 on a Map; put it on the key or value type: Map<String, @UInt8 Integer>",
        "@UInt8 Map<String, Integer> counts");
  }

  @Test
  void mapKeyThatIsNoScalar() {
    fails("@Packet record Heat(\n Map<Double, String> spots) {}",
        "'spots' has a Double as its map key; a key is a String, an integer, a Boolean or an enum",
        "Map<Double, String> spots");
  }
}
