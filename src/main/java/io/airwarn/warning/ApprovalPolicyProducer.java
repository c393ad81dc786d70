package io.airwarn.warning;

import io.airwarn.core.ConfigFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class ApprovalPolicyProducer {

    @Produces
    @Singleton
    @Startup
    ApprovalPolicy approvalPolicy(ConfigFiles files) {
        return files.read("warning-approval.yaml", ApprovalPolicy::read);
    }
}
