package offloadsim.sim.det;

import java.util.function.UnaryOperator;
import offloadsim.sim.api.SimVar;

final class DetVar<T> implements SimVar<T> {
    private final DetSim sim;
    private final String name;
    private final int object;
    private T value;

    DetVar(DetSim sim, String name, T initial, int object) {
        this.sim = sim;
        this.name = name;
        this.value = initial;
        this.object = object;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public T get() {
        sim.footprint().read(object);
        return value;
    }

    @Override
    public T peek() {
        return value;
    }

    @Override
    public void set(T v) {
        sim.footprint().write(object);
        value = v;
    }

    @Override
    public T update(UnaryOperator<T> f) {
        sim.footprint().write(object);
        value = f.apply(value);
        return value;
    }

    @Override
    public void commute(UnaryOperator<T> f) {
        sim.footprint().update(object);
        value = f.apply(value);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
