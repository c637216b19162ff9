package io.mch.harness.fabric.replication;

import io.mch.harness.traffic.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * One cluster's access to the {@link BackupStore}, through that cluster's network link to the
 * storage: it pays the region's round trip, and fails when a partition cuts the link. No retries
 * (the controller's next round is the retry); it starts no thread.
 */
final class StorageClient implements AutoCloseable {

    private final String base;
    private final CloseableHttpClient client;

    StorageClient(InetSocketAddress via, Duration timeout) {
        this.base = "http://" + via.getHostString() + ":" + via.getPort() + "/";
        this.client = Http.plainClient(5, timeout);
    }

    void upload(String backup, Map<String, String> files) throws IOException {
        HttpPut put = new HttpPut(base + backup);
        put.setEntity(new ByteArrayEntity(BackupArchive.zip(files), ContentType.APPLICATION_OCTET_STREAM));
        client.execute(put, response -> {
            if (response.getCode() / 100 != 2) {
                throw new IOException("storage answered " + response.getCode() + " to the upload of " + backup);
            }
            return null;
        });
    }

    Map<String, String> download(String backup) throws IOException {
        return client.execute(new HttpGet(base + backup), response -> {
            if (response.getCode() != 200 || response.getEntity() == null) {
                throw new IOException("storage answered " + response.getCode() + " for " + backup);
            }
            return BackupArchive.unzip(response.getEntity().getContent());
        });
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
