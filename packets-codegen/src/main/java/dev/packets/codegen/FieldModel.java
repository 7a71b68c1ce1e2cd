package dev.packets.codegen;

import javax.lang.model.element.RecordComponentElement;

/**
 * One record component: its accessor, its name on the wire, its type.
 *
 * @param javaName the component's name, which is also its accessor's
 * @param wireName the name on the wire and in dehydrated data ({@code @Name} or the component name)
 * @param component the component in the source, where validation reports what is wrong with it
 */
record FieldModel(String javaName, String wireName, TypeModel type, RecordComponentElement component) {}
