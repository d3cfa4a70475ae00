package irw.service.api;

/**
 * What {@code GET /api/health} answers.
 *
 * @param state   "serving" or "stopping"
 * @param backend "CPU" or "CUDA"
 * @param device  the GPU's name, or the CPU model
 * @param kinds   the job kinds this service can run
 */
public record HealthReport(String state, String backend, String device, Memory memory, int running, int scheduled,
                           int concurrency, java.util.List<String> kinds, String startedAt) {
    /** Heap figures of the JVM and the resident size of the whole process (heap plus native buffers). */
    public record Memory(long heapUsedBytes, long heapMaxBytes, long residentBytes) {
    }
}
