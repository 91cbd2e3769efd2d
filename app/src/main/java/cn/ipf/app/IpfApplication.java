package cn.ipf.app;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 知识产权质押融资平台 IP pledge financing platform: the service's entry point. */
@SpringBootApplication(scanBasePackages = {"cn.ipf.app", "cn.ipf.batch"})
@ConfigurationPropertiesScan
@MapperScan(basePackages = "cn.ipf.app", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class IpfApplication {

    public static void main(String[] args) {
        SpringApplication.run(IpfApplication.class, args);
    }
}
