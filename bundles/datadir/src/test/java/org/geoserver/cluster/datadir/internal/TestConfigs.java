package org.geoserver.cluster.datadir.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds configuration annotation instances the way SCR does: given values, else the defaults. */
public final class TestConfigs {

    private TestConfigs() {}

    public static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    public static DataDirectoryConfig path(String path) {
        return of(DataDirectoryConfig.class, Map.of("path", path));
    }
}
