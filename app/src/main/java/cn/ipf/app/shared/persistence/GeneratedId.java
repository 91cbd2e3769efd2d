package cn.ipf.app.shared.persistence;

/** Receives an AUTO_INCREMENT key from a MyBatis insert ({@code keyProperty="key.id"}). */
public class GeneratedId {

    private Long id;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
