package dev.resilient.billing.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a money amount only from a JSON number, exactly as written. Jackson would otherwise
 * coerce strings such as {@code "10"} or {@code "NaN"}; an amount given as a string is a client bug.
 */
public class JsonNumberOnly extends StdScalarDeserializer<BigDecimal> {

    public JsonNumberOnly() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ctxt.weirdNumberException(p.getNumberValue(), BigDecimal.class, "not a representable amount");
        }
    }
}
