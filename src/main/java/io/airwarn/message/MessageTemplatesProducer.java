package io.airwarn.message;

import io.airwarn.core.ConfigFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class MessageTemplatesProducer {

    /** Read at startup so a template over its segment budget stops the application with the reason. */
    @Produces
    @Singleton
    @Startup
    MessageTemplates messageTemplates(ConfigFiles files) {
        return files.read("messages.yaml", MessageTemplates::read);
    }
}
