package org.geoserver.cluster.api;

/**
 * Takes and installs {@link ConfigurationSnapshot}s of this node, consistently with the events it
 * applies (the applier implements it: no event is applied while a snapshot is taken or installed).
 */
public interface ConfigurationSnapshots {

    /** The configuration and ledger of this node as they are now. */
    ConfigurationSnapshot take();

    /**
     * Makes this node's configuration that of the snapshot, merged object by object with what this
     * node knows: an object keeps its local state only when its local version is later than the
     * snapshot's (a change made here, or an event applied here that has not reached the snapshot's
     * node yet); everything else, drifted objects included, becomes the snapshot's. The ledger takes
     * the snapshot's versions and progress; the snapshot's pending events wait here too.
     *
     * @return what changed, for the log and the operator
     * @throws Exception when it could not be installed; then nothing changed
     */
    InstallReport install(ConfigurationSnapshot snapshot) throws Exception;

    /**
     * @param added objects added here
     * @param modified objects changed here
     * @param removed objects removed here
     * @param keptLocal objects whose later local state was kept
     */
    record InstallReport(int added, int modified, int removed, int keptLocal) {
        @Override
        public String toString() {
            return added + " added, " + modified + " modified, " + removed + " removed, " + keptLocal + " kept (newer here)";
        }
    }
}
