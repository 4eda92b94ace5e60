package offloadsim.scenarios.file;

/** A scenario file that cannot be used; the message is one line naming the file, the field and the problem. */
public final class ScenarioFileException extends Exception {
    public ScenarioFileException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
