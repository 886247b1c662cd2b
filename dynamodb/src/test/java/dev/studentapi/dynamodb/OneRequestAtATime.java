package dev.studentapi.dynamodb;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.util.concurrent.locks.Lock;

/**
 * An HTTP client that lets one request at a time reach moto_server, to stand in for the per-item write
 * serialization that DynamoDB guarantees and moto lacks: moto_server handles requests on parallel threads and
 * evaluates a condition and applies an update without a lock, so two conditional writes can both pass. The racing
 * threads still run concurrently in the client and the store; only the server's work is put in order.
 */
final class OneRequestAtATime implements SdkHttpClient {

    private final SdkHttpClient delegate;
    private final Lock lock;

    OneRequestAtATime(SdkHttpClient delegate, Lock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                lock.lock();
                try {
                    return prepared.call();
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
