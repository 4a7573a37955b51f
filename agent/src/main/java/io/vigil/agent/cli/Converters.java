package io.vigil.agent.cli;

import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConsoleAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters that report the parser's own message, so a bad value says exactly what is wrong. */
final class Converters {

    private Converters() {
    }

    static final class Address implements ITypeConverter<ConsoleAddress> {
        @Override
        public ConsoleAddress convert(String value) {
            try {
                return ConsoleAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Pin implements ITypeConverter<CertificatePin> {
        @Override
        public CertificatePin convert(String value) {
            try {
                return CertificatePin.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
